#!/bin/sh
# The image's entry point: a long-running service runs within its heap limit, written once in
# service-heaps.properties (the file the itapipe script and the bench read too), unless JAVA_OPTS gives its own -Xmx.
set -eu
HOME_DIR="${ITAPIPE_HOME:-/opt/itapipe}"
HEAP="$(sed -n "s/^${1:-}=//p" "$HOME_DIR/service-heaps.properties")"
case "${JAVA_OPTS:-}" in
  *-Xmx*) HEAP="" ;;
esac
exec java ${HEAP:+-Xmx$HEAP} ${JAVA_OPTS:-} -jar "$HOME_DIR/itapipe.jar" "$@"
