#!/usr/bin/env bash
# extract-ort-native.sh — unpacks ONNX Runtime's native libraries from a jar into a directory once,
# so that executors load them from there instead of unpacking them again at every JVM start.
#
# Usage: scripts/extract-ort-native.sh [--platform linux-x64|linux-aarch64|osx-aarch64] JAR DIR
#
# JAR: job/target/quire-cluster.jar, or an onnxruntime / onnxruntime_gpu jar (job/target/lib/).
# DIR: created if missing; a directory this script filled before is replaced; any other
#      non-empty directory is refused.
#
# Why: ONNX Runtime's Java API (ai.onnxruntime.OnnxRuntime, 1.26) copies libonnxruntime.so and
# libonnxruntime4j_jni.so out of the jar into a fresh temp directory in every JVM, and, on the first
# CUDA session, libonnxruntime_providers_cuda.so (344 MB in the GPU build). With the JVM option
#   -Donnxruntime.native.path=DIR
# it loads the first two from DIR (and fails if they are missing) and uses every provider library
# that DIR holds (libonnxruntime.so looks for providers next to itself), copying nothing.
# The libraries must come from the same ONNX Runtime version as the jar's classes; DIR/ORT-VERSION
# records where they came from. DIR must exist at the same path on every executor node (or be
# shipped with YARN's --archives and named by a relative path); see the README section "GPUs".
# Needs unzip.
set -euo pipefail

die() { echo "extract-ort-native: $*" >&2; exit 2; }
marker="ORT-VERSION"

platform=""
while (($#)); do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    --platform) (($# >= 2)) || die "--platform needs a value (linux-x64, linux-aarch64, osx-aarch64)"; platform="$2"; shift 2 ;;
    --platform=*) platform="${1#--platform=}"; shift ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) break ;;
  esac
done
(($# == 2)) || die "expected JAR and DIR, got $# argument(s) (see --help)"
jar="$1"
dir="$2"
[[ -f "$jar" ]] || die "jar '$jar' not found"
command -v unzip >/dev/null || die "unzip not found (apt-get install unzip)"

if [[ -z "$platform" ]]; then
  # ONNX Runtime's own names (OnnxRuntime.initOsArch)
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64|Linux-amd64) platform=linux-x64 ;;
    Linux-aarch64|Linux-arm64) platform=linux-aarch64 ;;
    Darwin-arm64|Darwin-aarch64) platform=osx-aarch64 ;;
    *) die "no ONNX Runtime natives for '$(uname -s)-$(uname -m)'; name one with --platform" ;;
  esac
fi
case "$platform" in
  linux-*) ext=so ;;
  osx-*) ext=dylib ;;
  *) die "invalid value for --platform: '$platform' (expected linux-x64, linux-aarch64 or osx-aarch64)" ;;
esac

prefix="ai/onnxruntime/native/$platform"
unzip -Z1 "$jar" "$prefix/libonnxruntime.$ext" >/dev/null 2>&1 \
  || die "'$jar' holds no ONNX Runtime natives for $platform ($prefix/libonnxruntime.$ext)"

if [[ -d "$dir" && -n "$(ls -A "$dir")" && ! -f "$dir/$marker" ]]; then
  die "'$dir' is not empty and was not made by this script; give an empty or new directory"
fi
parent="$(dirname "$dir")"
mkdir -p "$parent"
tmp="$(mktemp -d "$parent/.ort-native.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# flat (-j), as OnnxRuntime expects DIR/libonnxruntime.so; macOS debug symbols are never loaded
mapfile -t entries < <(unzip -Z1 "$jar" "$prefix/*" | grep -v -e '/$' -e '\.dSYM/')
unzip -q -j -o "$jar" "${entries[@]}" -d "$tmp"
for lib in libonnxruntime libonnxruntime4j_jni; do
  [[ -f "$tmp/$lib.$ext" ]] || die "'$jar' lacks $prefix/$lib.$ext"
done

# The version of the ORT classes these natives belong to (the shade plugin keeps the pom).
version="$(unzip -Z1 "$jar" 'META-INF/maven/com.microsoft.onnxruntime/*/pom.xml' 2>/dev/null | head -1 || true)"
if [[ -n "$version" ]]; then
  artifact="$(basename "$(dirname "$version")")"
  version="$artifact $(unzip -p "$jar" "$version" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1)"
else
  version="unknown (no ONNX Runtime pom in the jar)"
fi
printf 'ONNX Runtime %s, %s, from %s\n' "$version" "$platform" "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" \
  >"$tmp/$marker"

chmod 755 "$tmp"
rm -rf "$dir"
mv "$tmp" "$dir"
trap - EXIT
dir="$(cd "$dir" && pwd)"

if [[ -f "$dir/libonnxruntime_providers_cuda.$ext" ]]; then
  echo "extract-ort-native: CUDA provider included (GPU build)" >&2
else
  echo "extract-ort-native: no CUDA provider in '$jar' (CPU build); CUDA devices will not load from here" >&2
fi
echo "extract-ort-native: $(cat "$dir/$marker")" >&2
echo "extract-ort-native: use it with -Donnxruntime.native.path=$dir, e.g. scripts/submit.sh --native-dir $dir ..." >&2
echo "$dir"
