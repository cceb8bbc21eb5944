package com.example.ats.bench;

/** The start-up baseline: a JVM that does nothing but say it is ready and wait. */
public final class IdleJvm {

    private IdleJvm() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "60000"));
    }
}
