package com.example.ats.bench;

import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A sampling profiler by thread dumps: attaches to the service, and while a load runs takes the stacks of the
 * runnable request threads every 10 ms through the platform's ThreadMXBean. Signal-based samplers (JFR's execution sampler,
 * async-profiler) get next to no samples on these sandboxed machines; thread dumps need only safepoints, which
 * makes them biased towards safepoint polls but available. Writes collapsed stacks (the input of flame graph tools)
 * and a table of the methods most often on the stack.
 */
final class StackSampler implements AutoCloseable {

    /** Threads that wait for work or for the network without doing any. */
    private static final Set<String> IDLE_TOPS = Set.of(
            "sun.nio.ch.EPoll.wait",
            "sun.nio.ch.Net.accept",
            "io.netty.channel.epoll.Native.epollWait",
            "io.netty.channel.epoll.Native.epollWait0",
            "io.netty.channel.epoll.Native.epollBusyWait0",
            "sun.nio.ch.Net.poll",
            "java.lang.Thread.sleep0",
            "jdk.internal.misc.Unsafe.park",
            "java.lang.Object.wait0");

    private final JMXConnector connector;
    private final ThreadMXBean threads;
    private final Map<String, Integer> collapsed = new LinkedHashMap<>();
    private int samples;
    private long[] requestThreads;

    /** CPU seconds per thread at the start, by thread id, from /proc. */
    private final long pid;

    private final Map<String, Double> cpuAtStart;

    StackSampler(long pid) throws Exception {
        this.pid = pid;
        this.cpuAtStart = threadCpu(pid);
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        String address = vm.startLocalManagementAgent();
        vm.detach();
        connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        threads = ManagementFactory.newPlatformMXBeanProxy(
                server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    }

    /** Samples the request threads (event loops, workers) until {@code running} turns false. */
    void sampleWhile(AtomicBoolean running) throws Exception {
        while (running.get()) {
            long[] ids = requestThreads();
            for (ThreadInfo info : threads.getThreadInfo(ids, 128)) {
                if (info == null) {
                    continue;
                }
                StackTraceElement[] stack = info.getStackTrace();
                if (info.getThreadState() != Thread.State.RUNNABLE || stack.length == 0) {
                    continue;
                }
                String top = stack[0].getClassName() + "." + stack[0].getMethodName();
                if (IDLE_TOPS.contains(top)) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (int i = stack.length - 1; i >= 0; i--) {
                    frames.add(stack[i].getClassName() + "." + stack[i].getMethodName());
                }
                collapsed.merge(String.join(";", frames), 1, Integer::sum);
            }
            samples++;
            Thread.sleep(10);
        }
    }

    private long[] requestThreads() {
        if (requestThreads == null || samples % 100 == 0) {
            requestThreads = java.util.Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                    .filter(info -> info != null
                            && (info.getThreadName().startsWith("executor-thread")
                                    || info.getThreadName().startsWith("vert.x-")))
                    .mapToLong(ThreadInfo::getThreadId)
                    .toArray();
        }
        return requestThreads;
    }

    /** Writes {@code name.collapsed} and {@code name.txt}; returns their names. */
    List<Path> write(Path directory, String name, String title) throws Exception {
        Path stacks = directory.resolve(name + ".collapsed");
        StringBuilder lines = new StringBuilder();
        collapsed.forEach(
                (stack, count) -> lines.append(stack).append(' ').append(count).append('\n'));
        Files.writeString(stacks, lines);

        Map<String, Integer> inclusive = new LinkedHashMap<>();
        Map<String, Integer> self = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, Integer> entry : collapsed.entrySet()) {
            String[] frames = entry.getKey().split(";");
            total += entry.getValue();
            self.merge(frames[frames.length - 1], entry.getValue(), Integer::sum);
            for (String frame : new HashSet<>(List.of(frames))) {
                inclusive.merge(frame, entry.getValue(), Integer::sum);
            }
        }
        StringBuilder report = new StringBuilder();
        report.append(title).append("\n\nCPU seconds by thread group while the load ran (from /proc/<pid>/task):\n");
        Map<String, Double> cpuAtEnd = threadCpu(pid);
        Map<String, Double> byGroup = new LinkedHashMap<>();
        cpuAtEnd.forEach((thread, seconds) -> byGroup.merge(
                thread.substring(thread.indexOf(' ') + 1).replaceAll("[0-9]+", "#"),
                seconds - cpuAtStart.getOrDefault(thread, 0.0),
                Double::sum));
        double cpuTotal =
                byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        byGroup.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(12)
                .forEach(entry -> report.append(String.format(
                        "%8.2f s  %5.1f%%  %s%n",
                        entry.getValue(), 100 * entry.getValue() / cpuTotal, entry.getKey())));
        report.append(String.format(
                "%n%d dumps, %d runnable stacks (thread-dump sampling every 10 ms of the executor and Vert.x threads; idle ones left out)%n%n",
                samples, total));
        report.append("Most often on the stack (inclusive), our code and the libraries it calls:\n");
        table(
                report,
                inclusive,
                total,
                45,
                frame -> !frame.startsWith("java.")
                        && !frame.startsWith("jdk.")
                        && !frame.startsWith("sun.")
                        && !frame.contains("Thread.run")
                        && !frame.contains("$$Lambda"));
        report.append("\nOn top of the stack (self):\n");
        table(report, self, total, 25, frame -> true);
        Path text = directory.resolve(name + ".txt");
        Files.writeString(text, report);
        return List.of(stacks, text);
    }

    /** "tid name" to CPU seconds (user + system) of every thread of the process. */
    static Map<String, Double> threadCpu(long pid) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    cpu.put(
                            task.getFileName() + " " + name,
                            Cpu.seconds(pid, task.getFileName().toString()));
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return cpu;
    }

    private static void table(
            StringBuilder report,
            Map<String, Integer> counts,
            int total,
            int limit,
            java.util.function.Predicate<String> keep) {
        counts.entrySet().stream()
                .filter(entry -> keep.test(entry.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(entry -> report.append(
                        String.format("%6.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey())));
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
