package io.connectorkit.cli.bench.measure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM running the same Java as this one: how the {@code memory}
 * scenario and the load test start a crawl in a process of its own, with its own heap limit, so
 * that what they measure is the crawler's memory and nothing else's.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The {@code java} executable of the running JVM.
     *
     * @return its path
     */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * {@code java <jvmOptions> -cp <this JVM's class path> <mainClass> <args>}.
     *
     * @param jvmOptions such as {@code -Xmx256m}
     * @param mainClass the class to run
     * @param args its arguments
     * @return the command
     */
    public static List<String> classPath(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * {@code java <jvmOptions> -jar <jar> <args>}: the way a user runs the packaged command.
     *
     * @param jvmOptions such as {@code -Xmx512m}
     * @param jar the packaged {@code connector.jar}
     * @param args the command's arguments
     * @return the command
     */
    public static List<String> jar(List<String> jvmOptions, Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }
}
