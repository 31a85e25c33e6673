#!/usr/bin/env bash
# fetch-rapids.sh — downloads the NVIDIA RAPIDS Accelerator jar for Spark 4.1 (Scala 2.13) with
# Maven and prints its path, for scripts/submit.sh --rapids JAR (which passes it with --jars).
#
# Usage: scripts/fetch-rapids.sh [--cuda 13|12] [--version V] [--repo URL] [DIR]
#
# DIR: where the jar goes (default: .rapids/ in the repository, git-ignored).
# --cuda: the CUDA major version of the GPU nodes' driver stack: classifier cuda13 (default) or
#         cuda12.
# --version: default 26.08.1, the release that supports Spark 4.1.3.
# --repo: a Maven repository URL for the direct download (default: Maven Central); see below.
# The jar (about 0.5 GB) is not a build dependency: quire never calls it, Spark loads it as a
# plugin. Tries 'mvn dependency:copy' first; the 26.08.1 pom cannot be resolved by Maven (its
# parent pom is not published), so it then downloads the jar itself with curl and checks the
# repository's SHA-1.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
die() { echo "fetch-rapids: $*" >&2; exit 2; }

version=26.08.1
cuda=13
dir=""
repo="https://repo.maven.apache.org/maven2"
while (($#)); do
  case "$1" in
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    --cuda) (($# >= 2)) || die "--cuda needs a value (13 or 12)"; cuda="$2"; shift 2 ;;
    --cuda=*) cuda="${1#--cuda=}"; shift ;;
    --version) (($# >= 2)) || die "--version needs a value (e.g. 26.08.1)"; version="$2"; shift 2 ;;
    --version=*) version="${1#--version=}"; shift ;;
    --repo) (($# >= 2)) || die "--repo needs a URL"; repo="${2%/}"; shift 2 ;;
    --repo=*) repo="${1#--repo=}"; repo="${repo%/}"; shift ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [[ -z "$dir" ]] || die "more than one DIR ('$dir', '$1')"; dir="$1"; shift ;;
  esac
done
case "$cuda" in
  13|12) ;;
  *) die "invalid value for --cuda: '$cuda' (expected 13 or 12)" ;;
esac
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "invalid value for --version: '$version' (expected e.g. 26.08.1)"
dir="${dir:-$root/.rapids}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

artifact="com.nvidia:rapids-4-spark_2.13:$version:jar:cuda$cuda"
name="rapids-4-spark_2.13-$version-cuda$cuda.jar"
jar="$dir/$name"
if [[ -s "$jar" ]]; then
  echo "$jar"
  exit 0
fi

echo "fetch-rapids: fetching $artifact into $dir ..." >&2
log="$(mktemp)"
trap 'rm -f "$log" "$jar.part"' EXIT
# Maven first (it honours ~/.m2/settings.xml mirrors and proxies). The plugin goal is named in
# full and run outside any project, so no pom.xml is needed and no plugin version is left to
# chance.
if (cd "$dir" && mvn -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy       -Dartifact="$artifact" -DoutputDirectory="$dir") >"$log" 2>&1 && [[ -s "$jar" ]]; then
  echo "$jar"
  exit 0
fi
# 26.08.1's pom names a parent pom (rapids-4-spark-parent_2.13) that is not published, so Maven
# cannot read the artifact's descriptor and refuses to copy even the jar. NVIDIA's docs download
# the jar directly; do that, from the same repository layout, and check Maven's checksum.
if grep -q "Failed to read artifact descriptor" "$log"; then
  echo "fetch-rapids: Maven cannot read the artifact's pom (its parent pom is not published); downloading the jar directly" >&2
else
  echo "fetch-rapids: Maven failed ($(grep -m1 ERROR "$log" | cut -c1-300)); downloading the jar directly" >&2
fi
command -v curl >/dev/null || die "curl not found"
url="$repo/com/nvidia/rapids-4-spark_2.13/$version/$name"
sha1="$(curl -fsSL "$url.sha1" | cut -c1-40)" || { echo "fetch-rapids: cannot fetch $url.sha1" >&2; exit 1; }
curl -fL --retry 3 -o "$jar.part" "$url" || { echo "fetch-rapids: cannot fetch $url" >&2; exit 1; }
actual="$(sha1sum "$jar.part" | cut -c1-40)"
[[ "$actual" == "$sha1" ]] || { echo "fetch-rapids: checksum mismatch for $url (expected $sha1, got $actual)" >&2; exit 1; }
mv "$jar.part" "$jar"
echo "$jar"
