# Sourced by the releng scripts: the build and the products run on Java 25 (enforced by the build; see
# docs/decisions/0013). If JAVA_HOME or the default java is another version, use a JDK 25 from /usr/lib/jvm.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME/bin/java")" != 25 ]]; then
  if [[ "$(java_major "$(command -v java)")" == 25 ]]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    for candidate in /usr/lib/jvm/*25*; do
      [[ -x $candidate/bin/java ]] && JAVA_HOME=$candidate && break
    done
  fi
fi
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME/bin/java")" != 25 ]]; then
  echo "DataSTaMP needs a JDK 25 (e.g. Eclipse Temurin 25 in /usr/lib/jvm/temurin-25-jdk-amd64); none was found." >&2
  exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
