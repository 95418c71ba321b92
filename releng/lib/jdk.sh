# Sourced by the releng scripts: the build and the products run on Java 17 (enforced by the build).
# If the default java is another version, use a JDK 17 from /usr/lib/jvm when one is installed.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME/bin/java")" != 17 ]]; then
  if [[ "$(java_major "$(command -v java)")" == 17 ]]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    for candidate in /usr/lib/jvm/*17*; do
      [[ -x $candidate/bin/java ]] && JAVA_HOME=$candidate && break
    done
  fi
fi
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME/bin/java")" != 17 ]]; then
  echo "DataSTaMP needs a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless); none was found." >&2
  exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
