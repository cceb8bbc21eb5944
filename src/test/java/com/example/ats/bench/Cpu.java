package com.example.ats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** CPU seconds a process has used (user + system), from /proc; and where the MinIO server runs. */
final class Cpu {

    /** Linux's USER_HZ on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Cpu() {}

    static double seconds(long pid) {
        return read(Path.of("/proc/" + pid + "/stat"));
    }

    /** One thread's CPU seconds. */
    static double seconds(long pid, String tid) {
        return read(Path.of("/proc/" + pid + "/task/" + tid + "/stat"));
    }

    private static double read(Path file) {
        try {
            String stat = Files.readString(file);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double self() {
        return seconds(ProcessHandle.current().pid());
    }

    static Optional<Long> minio() {
        return ProcessHandle.allProcesses()
                .filter(process ->
                        process.info().command().map(c -> c.endsWith("/minio")).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }
}
