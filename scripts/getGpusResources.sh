#!/usr/bin/env bash
# getGpusResources.sh — Spark's GPU discovery script: prints the GPUs this node (or container)
# can see as {"name":"gpu","addresses":["0","1",…]}, the format of
# spark.executor.resource.gpu.discoveryScript and spark.worker.resource.gpu.discoveryScript.
#
# The addresses are nvidia-smi's indices. Quire maps them to CUDA ordinals itself when
# CUDA_VISIBLE_DEVICES renumbers the GPUs (dev.quire.job.TaskDevice). With no GPU or no
# nvidia-smi it exits non-zero with a message, and Spark fails the executor start with it:
# better than an executor that waits forever for GPU tasks.
# Environment: NVIDIA_SMI (default: nvidia-smi on PATH).
set -euo pipefail

smi="${NVIDIA_SMI:-nvidia-smi}"
command -v "$smi" >/dev/null 2>&1 || { echo "getGpusResources: '$smi' not found; is the NVIDIA driver installed?" >&2; exit 1; }
indices="$("$smi" --query-gpu=index --format=csv,noheader)" \
  || { echo "getGpusResources: '$smi' failed" >&2; exit 1; }
addresses="$(printf '%s\n' "$indices" | tr -d ' \r' | grep -E '^[0-9]+$' | sed 's/.*/"&"/' | paste -sd, -)" || true
[[ -n "$addresses" ]] || { echo "getGpusResources: no GPU found by '$smi'" >&2; exit 1; }
echo "{\"name\":\"gpu\",\"addresses\":[$addresses]}"
