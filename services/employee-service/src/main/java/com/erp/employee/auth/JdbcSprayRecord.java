package com.erp.employee.auth;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The spray record in the database (tables {@code password_spray_failure} and {@code password_spray_pause}, V23): every
 * instance of employee-service counts a password's accounts together and holds its pause, and a restart forgets
 * neither. Only keyed hashes are stored, and a failure no longer than the window after it (a pause no longer than it
 * lasts): {@link #sweep}, every few minutes (route employee.spray-sweep), outside the sign-ins. Each statement
 * commits on its own (a sign-in is no transaction).
 */
public class JdbcSprayRecord implements SprayRecord {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSprayRecord.class);
    /** Rows deleted per statement of a sweep: short statements, short locks. */
    private static final int SWEEP = 1000;

    private final JdbcTemplate jdbc;

    public JdbcSprayRecord(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement, one snapshot: the failures and the pause as they stood together. */
    @Override
    public Standing standing(String password, Instant since, Instant now) {
        Set<String> failed = new HashSet<>();
        Instant[] until = {null};
        jdbc.query("select account_print, null from password_spray_failure where password_print = ? and failed_at >= ? "
                + "union all select null, paused_until from password_spray_pause where password_print = ? "
                + "and paused_until > ?", (RowCallbackHandler) row -> {
                    String account = row.getString(1);
                    if (account != null) {
                        failed.add(account);
                    } else {
                        until[0] = Instant.ofEpochMilli(row.getLong(2));
                    }
                }, password, since.toEpochMilli(), password, now.toEpochMilli());
        return new Standing(Set.copyOf(failed), until[0]);
    }

    @Override
    public int failed(String password, String account, Instant at, Instant since) {
        String upsert = "insert into password_spray_failure (password_print, account_print, failed_at) values (?, ?, ?) "
                + "on duplicate key update failed_at = greatest(failed_at, ?)";
        try {
            jdbc.update(upsert, password, account, at.toEpochMilli(), at.toEpochMilli());
        } catch (PessimisticLockingFailureException e) {
            // chosen as a deadlock's victim (a sweep deleting the row it refreshes): once more, the sweep done
            jdbc.update(upsert, password, account, at.toEpochMilli(), at.toEpochMilli());
        }
        Integer count = jdbc.queryForObject("select count(*) from password_spray_failure "
                + "where password_print = ? and failed_at >= ?", Integer.class, password, since.toEpochMilli());
        return count == null ? 0 : count;
    }

    @Override
    public void pause(String password, Instant until) {
        jdbc.update("insert into password_spray_pause (password_print, paused_until) values (?, ?) "
                + "on duplicate key update paused_until = greatest(paused_until, ?)", password, until.toEpochMilli(),
                until.toEpochMilli());
        jdbc.update("delete from password_spray_failure where password_print = ?", password);
    }

    @Override
    public Instant pausedUntil(String password, Instant now) {
        List<Long> until = jdbc.queryForList("select paused_until from password_spray_pause where password_print = ?",
                Long.class, password);
        if (until.isEmpty() || until.get(0) <= now.toEpochMilli()) {
            return null;
        }
        return Instant.ofEpochMilli(until.get(0));
    }

    @Override
    public int sweep(Instant failuresBefore, Instant now) {
        return sweep("delete from password_spray_failure where failed_at < ? limit " + SWEEP, failuresBefore)
                + sweep("delete from password_spray_pause where paused_until <= ? limit " + SWEEP, now);
    }

    /** Deletes what lapsed, a batch at a time; a conflict with a sign-in's count is left for the next sweep. */
    private int sweep(String delete, Instant before) {
        int deleted = 0;
        try {
            int batch;
            do {
                batch = jdbc.update(delete, before.toEpochMilli());
                deleted += batch;
            } while (batch == SWEEP);
        } catch (DataAccessException e) {
            LOG.debug("spray record sweep left for later: {}", e.getMessage());
        }
        return deleted;
    }
}
