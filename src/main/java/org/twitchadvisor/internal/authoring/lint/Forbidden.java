package org.twitchadvisor.internal.authoring.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names that give rule code power over the machine: the Java runtime, processes, threads, reflection and
 * class loading, files, the network, the engine's internals. The structure checks already allow only
 * field comparisons and one {@code insertLogical}; this list exists so that a rule using one of these is
 * told, in plain words, what it reached for, wherever in the file it stands (a condition, an action, an
 * annotation value), by simple or fully qualified name.
 */
final class Forbidden {
    /** Package prefixes, checked against a whole dotted name such as {@code java.io.File}. */
    private static final Map<String, String> PACKAGES = new LinkedHashMap<>();
    /** Single names, checked against each part of a dotted name such as {@code java.lang.System}. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        packages("files", "java.io", "java.nio");
        packages("the network", "java.net", "java.rmi", "javax.net");
        packages("reflection", "java.lang.reflect", "java.lang.invoke");
        packages("the Java runtime", "java.lang.management", "java.lang.instrument", "java.lang.ref");
        packages("threads", "java.util.concurrent");
        packages("databases", "java.sql", "javax.sql");
        packages("Java extensions (scripting, naming, management)", "javax");
        packages("the JDK's internals", "jdk", "sun", "com.sun");
        packages("the rule engine's internals", "org.kie", "org.drools", "org.mvel2");
        names("the Java runtime, which can stop the program or read its settings", "System", "Runtime", "exit",
                "halt", "getRuntime", "getenv", "getProperty", "setProperty", "loadLibrary", "SecurityManager",
                "StackWalker", "Shutdown");
        names("processes", "ProcessBuilder", "Process", "ProcessHandle", "exec");
        names("threads", "Thread", "ThreadGroup", "ThreadLocal", "Executors", "ExecutorService", "ForkJoinPool",
                "CompletableFuture", "Timer", "sleep");
        names("reflection or class loading", "Class", "ClassLoader", "URLClassLoader", "forName", "getClass",
                "loadClass", "defineClass", "newInstance", "getDeclaredMethod", "getDeclaredMethods",
                "getDeclaredField", "getDeclaredFields", "getMethod", "getMethods", "getField", "getFields",
                "getDeclaredConstructor", "getConstructor", "setAccessible", "invoke", "MethodHandles", "MethodHandle",
                "Proxy", "Unsafe", "ServiceLoader", "Module", "ModuleLayer", "Introspector");
        names("files", "File", "Files", "Path", "Paths", "FileSystem", "FileSystems", "FileInputStream",
                "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "FileChannel", "PrintStream",
                "ObjectInputStream", "ObjectOutputStream", "Scanner");
        names("the network", "Socket", "ServerSocket", "DatagramSocket", "URL", "URI", "URLConnection",
                "HttpURLConnection", "HttpClient", "InetAddress");
        names("scripting", "ScriptEngine", "ScriptEngineManager", "MVEL");
        names("the rule engine's internals", "drools", "kcontext", "KieServices", "KieSession", "KieRuntime");
    }

    private Forbidden() {
    }

    private static void packages(String what, String... prefixes) {
        for (String p : prefixes) {
            PACKAGES.put(p, what);
        }
    }

    private static void names(String what, String... names) {
        for (String n : names) {
            NAMES.put(n, what);
        }
    }

    /**
     * What a dotted name would reach, when it is forbidden.
     *
     * @param parts the parts of a name as written, e.g. {@code [java, io, File]}
     * @return what it gives access to, or {@code null} when the name is not forbidden
     */
    static String reach(List<String> parts) {
        String dotted = String.join(".", parts);
        for (Map.Entry<String, String> p : PACKAGES.entrySet()) {
            if (dotted.equals(p.getKey()) || dotted.startsWith(p.getKey() + ".")) {
                return p.getValue();
            }
        }
        for (String part : parts) {
            String what = NAMES.get(part);
            if (what != null) {
                return what;
            }
        }
        return null;
    }

    /**
     * @param dotted a name such as {@code java.io.File}
     * @return what it gives access to, or {@code null} when the name is not forbidden
     */
    static String reach(String dotted) {
        return reach(List.of(dotted.split("\\.")));
    }
}
