#!/bin/sh
# The image's entry point: a long-running service runs with its JVM options (heap limit, compiler), a command of
# compiler.commands with the compiler alone, written once in service-jvm.properties (the file the itapipe script and
# the bench read too). JAVA_OPTS comes after them, and the JVM takes the last of a repeated option: the operator's win.
set -eu
HOME_DIR="${ITAPIPE_HOME:-/opt/itapipe}"
JVM_FILE="$HOME_DIR/service-jvm.properties"
HEAP="$(sed -n "s/^heap\.${1:-}=//p" "$JVM_FILE")"
COMPILER="$(sed -n 's/^compiler=//p' "$JVM_FILE")"
SERVICE_OPTS=""
if [ -n "$HEAP" ]; then
  SERVICE_OPTS="-Xmx$HEAP $COMPILER"
else
  # A command of compiler.commands takes the compiler alone.
  case " $(sed -n 's/^compiler\.commands=//p' "$JVM_FILE") " in
    *" ${1:-none} "*) SERVICE_OPTS="$COMPILER" ;;
  esac
fi
exec java $SERVICE_OPTS ${JAVA_OPTS:-} -jar "$HOME_DIR/itapipe.jar" "$@"
