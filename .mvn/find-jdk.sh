# Finds a JDK 21 or newer for ./mvnw and ./kumo (POSIX sh, sourced by both; nothing runs on sourcing).
#
#   kumo_use_jdk NAME   exports JAVA_HOME as the chosen JDK and KUMO_JDK_MAJOR as its major version, or prints
#                       what to install (prefixed "NAME: ") and returns 3.
#
# Order: $JAVA_HOME if it is 21+, then the java on PATH if it is 21+, then the newest 21+ JDK among
# $KUMO_JDK_DIRS (default: the usual install places below). A version is read from the JDK's `release` file
# (no JVM started); a JDK without one is asked with `java -XshowSettings:properties -version`. A JDK needs
# bin/java and bin/javac (Maven compiles).

KUMO_MIN_JDK=21

# Prints the major version of the JDK at $1 (17, 21, 25...), or nothing when it is not a JDK.
kumo_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    while IFS= read -r _kumo_line || [ -n "$_kumo_line" ]; do
      case $_kumo_line in
      JAVA_VERSION=*)
        _kumo_line=${_kumo_line#JAVA_VERSION=}
        _kumo_line=${_kumo_line#\"}
        _kumo_line=${_kumo_line%%[!0-9]*}
        [ "$_kumo_line" = 1 ] && _kumo_line=8 # 1.8.0_x
        printf '%s\n' "$_kumo_line"
        return 0
        ;;
      esac
    done <"$1/release"
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
}

# Succeeds when $1 is a major version of at least KUMO_MIN_JDK.
kumo_jdk_recent() {
  case ${1:-x} in *[!0-9]*) return 1 ;; esac
  [ "$1" -ge "$KUMO_MIN_JDK" ]
}

# The JDK home of the java command on PATH, symbolic links resolved; nothing when there is none.
kumo_path_jdk() {
  _kumo_java=$(command -v java 2>/dev/null) || return 0
  _kumo_java=$(readlink -f "$_kumo_java" 2>/dev/null || printf '%s\n' "$_kumo_java")
  printf '%s\n' "${_kumo_java%/bin/java}"
}

kumo_use_jdk() {
  _kumo_who=$1
  if [ -n "${JAVA_HOME:-}" ]; then
    KUMO_JDK_MAJOR=$(kumo_jdk_major "$JAVA_HOME")
    if kumo_jdk_recent "$KUMO_JDK_MAJOR"; then
      export JAVA_HOME KUMO_JDK_MAJOR
      return 0
    fi
    _kumo_skipped="JAVA_HOME=$JAVA_HOME (${KUMO_JDK_MAJOR:-not a JDK})"
  fi
  _kumo_home=$(kumo_path_jdk)
  if [ -n "$_kumo_home" ]; then
    KUMO_JDK_MAJOR=$(kumo_jdk_major "$_kumo_home")
    if kumo_jdk_recent "$KUMO_JDK_MAJOR"; then
      JAVA_HOME=$_kumo_home
      export JAVA_HOME KUMO_JDK_MAJOR
      return 0
    fi
  fi
  _kumo_best='' _kumo_best_major=0
  case $- in *f*) _kumo_noglob=1 && set +f ;; *) _kumo_noglob='' ;; esac
  # shellcheck disable=SC2086 # the directories are glob patterns, split on spaces
  for _kumo_dir in ${KUMO_JDK_DIRS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME:-/}"/.sdkman/candidates/java/* "${HOME:-/}"/.jdks/*}; do
    _kumo_major=$(kumo_jdk_major "$_kumo_dir")
    if kumo_jdk_recent "$_kumo_major" && [ "$_kumo_major" -gt "$_kumo_best_major" ]; then
      _kumo_best=$_kumo_dir _kumo_best_major=$_kumo_major
    fi
  done
  [ -z "$_kumo_noglob" ] || set -f
  if [ -n "$_kumo_best" ]; then
    [ -z "${_kumo_skipped:-}" ] || echo "$_kumo_who: $_kumo_skipped is older than $KUMO_MIN_JDK; using $_kumo_best" >&2
    JAVA_HOME=$_kumo_best KUMO_JDK_MAJOR=$_kumo_best_major
    export JAVA_HOME KUMO_JDK_MAJOR
    return 0
  fi
  {
    echo "$_kumo_who: Kumo needs a JDK $KUMO_MIN_JDK or newer; none found (looked at JAVA_HOME, java on PATH,"
    echo "  and ${KUMO_JDK_DIRS:-/usr/lib/jvm, /usr/java, /opt/java, /opt/jdk*, ~/.sdkman, ~/.jdks})."
    echo "  Install one, for example:"
    echo "    Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk   (or temurin-21-jdk from adoptium.net)"
    echo "    Fedora/RHEL:    sudo dnf install java-21-openjdk-devel"
    echo "    macOS:          brew install openjdk@21"
    echo "    SDKMAN:         sdk install java 21-tem"
    echo "  then run this again (or set JAVA_HOME to it)."
  } >&2
  return 3
}
