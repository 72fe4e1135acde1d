# Sourced by mvnw and .ci/run: MediCore compiles with --release 21, so a JDK older than 21
# (Debian's default 17) cannot build it. Keep a JAVA_HOME that is already 21+, otherwise take
# the newest 21+ JDK under /usr/lib/jvm.
medicore_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
medicore_pick_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] \
     && [ "$(medicore_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -rV); do
    [ -x "$candidate/bin/javac" ] || continue
    if [ "$(medicore_java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "MediCore needs a JDK 21 or newer; set JAVA_HOME to one." >&2
  return 1
}
medicore_pick_jdk
