package com.example.ats.work;

/**
 * Where one kind of queued work lives: its table (aliased {@code w} in every statement), what makes a row due, the
 * order due rows are taken in, and the columns the queue keeps: the lease (null for work done while the row is
 * locked), the number of attempts made, and when the next attempt is due. Every part is a constant of the kind that
 * declares it, never input.
 */
public record WorkTable(String table, String due, String order, String lease, String attempts, String retryAt) {

    /** Work done in one transaction while its rows are locked: no lease, the lock is the claim. */
    public static WorkTable locked(String table, String due, String order, String attempts, String retryAt) {
        return new WorkTable(table, due, order, null, attempts, retryAt);
    }

    String dueNow() {
        String free = lease == null ? "" : " and (w." + lease + " is null or w." + lease + " <= :now)";
        return "(" + due + ") and (w." + retryAt + " is null or w." + retryAt + " <= :now)" + free;
    }
}
