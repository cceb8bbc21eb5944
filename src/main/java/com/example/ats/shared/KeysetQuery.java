package com.example.ats.shared;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way every list pages: optional filters, then the rows after the cursor's (time, id) in that order, as a
 * row-value comparison that PostgreSQL answers with one range read of the (time, id) index. Never an OFFSET and never
 * a count, so page 10,000 costs what page 1 costs. Works for JPQL (Panache) and for native SQL alike.
 */
public final class KeysetQuery {

    private final String time;
    private final String id;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private KeysetQuery(String time, String id) {
        this.time = time;
        this.id = id;
    }

    /** A query whose pages follow {@code (time, id)}: entity attributes for JPQL, columns for native SQL. */
    public static KeysetQuery orderedBy(String time, String id) {
        return new KeysetQuery(time, id);
    }

    /** Adds {@code condition}, which uses {@code :parameter}, only when {@code value} is present. */
    public KeysetQuery filter(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Keeps only the rows after {@code cursor}; a null cursor is the first page. */
    public KeysetQuery after(Cursor cursor) {
        if (cursor != null) {
            conditions.add("(" + time + ", " + id + ") > (:afterTime, :afterId)");
            parameters.put("afterTime", cursor.time());
            parameters.put("afterId", cursor.id());
        }
        return this;
    }

    /** The conditions joined by {@code and}, or an empty string. */
    public String where() {
        return String.join(" and ", conditions);
    }

    public String orderBy() {
        return " order by " + time + ", " + id;
    }

    /** One page of entities through a Panache repository. */
    public <E> List<E> page(PanacheRepositoryBase<E, ?> repository, int limit) {
        Parameters bound = new Parameters();
        parameters.forEach(bound::and);
        return repository
                .find(where().isEmpty() ? orderBy().strip() : where() + orderBy(), bound)
                .page(0, limit)
                .list();
    }

    /** Binds the parameters of the conditions to a native query built with {@link #where()}. */
    public Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
