package org.datastamp.analytics.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.JobState;
import org.datastamp.catalog.api.DatasetId;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The jobs table of the catalogue's database ({@code analysis_job}, migration V11). State changes are conditional on
 * the state a job is expected in, so a cancel and a worker that races it cannot both win.
 */
final class JobStore {

    private static final String COLUMNS = "id, plugin_id, plugin_version, request_json, submitted_by, state, progress,"
            + " message, submitted, started, finished, output_id";
    private static final String LIVE = "state IN ('QUEUED', 'RUNNING')";

    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(AnalysisJob job) throws AnalysisException {
        run("record job " + job.id(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO analysis_job (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, job.id());
                s.setString(2, job.request().pluginId());
                s.setString(3, job.pluginVersion());
                s.setString(4, requestJson(job.request()));
                s.setString(5, job.submittedBy());
                s.setString(6, job.state().name());
                s.setDouble(7, job.progress());
                s.setString(8, job.message());
                s.setObject(9, utc(job.submitted()));
                s.setObject(10, job.started().map(JobStore::utc).orElse(null));
                s.setObject(11, job.finished().map(JobStore::utc).orElse(null));
                s.setString(12, job.output().map(DatasetId::value).orElse(null));
                return s.executeUpdate();
            }
        });
    }

    /** Removes a job that was never accepted (the queue was full). */
    void delete(String id) throws AnalysisException {
        run("remove job " + id, c -> update(c, "DELETE FROM analysis_job WHERE id = ?", id));
    }

    /** QUEUED to RUNNING; false when the job is no longer queued (cancelled meanwhile). */
    boolean start(String id, Instant now) throws AnalysisException {
        return run("start job " + id, c -> update(c, "UPDATE analysis_job SET state = 'RUNNING', started = ?,"
                + " message = 'Started' WHERE id = ? AND state = 'QUEUED'", utc(now), id)) == 1;
    }

    /** Progress of a running job. */
    void progress(String id, double fraction, String message) throws AnalysisException {
        run("record the progress of job " + id, c -> update(c, "UPDATE analysis_job SET progress = ?, message = ?"
                + " WHERE id = ? AND state = 'RUNNING'", fraction, clip(message), id));
    }

    /** The message of a live job, e.g. that cancelling was asked for. */
    void note(String id, String message) throws AnalysisException {
        run("record a message on job " + id, c -> update(c, "UPDATE analysis_job SET message = ? WHERE id = ? AND "
                + LIVE, clip(message), id));
    }

    /** Cancels a job that has not started; false when it has started or ended. */
    boolean cancelQueued(String id, String message, Instant now) throws AnalysisException {
        return run("cancel job " + id, c -> update(c, "UPDATE analysis_job SET state = 'CANCELLED', message = ?,"
                + " finished = ? WHERE id = ? AND state = 'QUEUED'", clip(message), utc(now), id)) == 1;
    }

    /** A live job reaches its final state; false when it had already ended. */
    boolean finish(String id, JobState state, String message, Instant now, Optional<DatasetId> output)
            throws AnalysisException {
        return run("record the end of job " + id, c -> update(c, "UPDATE analysis_job SET state = ?, message = ?,"
                + " finished = ?, output_id = ?" + (state == JobState.SUCCEEDED ? ", progress = 1" : "")
                + " WHERE id = ? AND " + LIVE, state.name(), clip(message), utc(now),
                output.map(DatasetId::value).orElse(null), id)) == 1;
    }

    /** Marks every live job FAILED: none of them is running any more (start-up, shut-down). */
    int failLive(String message, Instant now) throws AnalysisException {
        return run("mark interrupted jobs failed", c -> update(c, "UPDATE analysis_job SET state = 'FAILED', message"
                + " = ?, finished = ? WHERE " + LIVE, clip(message), utc(now)));
    }

    Optional<AnalysisJob> find(String id) throws AnalysisException {
        return run("read job " + id, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM analysis_job WHERE id = ?")) {
                q.setString(1, id);
                return read(q).stream().findFirst();
            }
        });
    }

    /** Jobs newest first, only {@code submitter}'s unless it is empty. */
    List<AnalysisJob> list(String submitter, int offset, int limit) throws AnalysisException {
        return run("list jobs", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM analysis_job"
                    + (submitter.isEmpty() ? "" : " WHERE submitted_by = ?")
                    + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int i = 1;
                if (!submitter.isEmpty()) {
                    q.setString(i++, submitter);
                }
                q.setInt(i++, offset);
                q.setInt(i, limit);
                return read(q);
            }
        });
    }

    /** The jobs that made these datasets, by output. */
    Map<DatasetId, AnalysisJob> byOutput(Collection<DatasetId> outputs) throws AnalysisException {
        Map<DatasetId, AnalysisJob> found = new HashMap<>();
        List<String> ids = outputs.stream().map(DatasetId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<AnalysisJob> jobs = run("read the jobs that made datasets", c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM analysis_job WHERE"
                        + " output_id IN (" + String.join(", ", chunk.stream().map(x -> "?").toList()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        q.setString(i + 1, chunk.get(i));
                    }
                    return read(q);
                }
            });
            jobs.forEach(j -> found.put(j.output().orElseThrow(), j));
        }
        return found;
    }

    private static List<AnalysisJob> read(PreparedStatement q) throws SQLException {
        List<AnalysisJob> jobs = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                String output = rs.getString("output_id");
                jobs.add(new AnalysisJob(rs.getString("id"), request(rs.getString("request_json")),
                        rs.getString("plugin_version"), rs.getString("submitted_by"),
                        JobState.valueOf(rs.getString("state")), rs.getDouble("progress"), rs.getString("message"),
                        instant(rs, "submitted").orElseThrow(), instant(rs, "started"), instant(rs, "finished"),
                        Optional.ofNullable(output).map(DatasetId::new)));
            }
        }
        return jobs;
    }

    static String requestJson(JobRequest request) {
        ObjectNode node = JSON.createObjectNode();
        node.put("plugin", request.pluginId());
        request.inputs().forEach(id -> node.withArray("inputs").add(id.value()));
        ObjectNode parameters = node.putObject("parameters");
        new java.util.TreeMap<>(request.parameters()).forEach(parameters::put);
        node.put("title", request.title());
        return node.toString();
    }

    static JobRequest request(String json) throws SQLException {
        try {
            JsonNode node = JSON.readTree(json);
            List<DatasetId> inputs = new ArrayList<>();
            node.path("inputs").forEach(i -> inputs.add(new DatasetId(i.asText())));
            Map<String, String> parameters = new LinkedHashMap<>();
            node.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
            return new JobRequest(node.path("plugin").asText(), inputs, parameters, node.path("title").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SQLException("A job's recorded request is not readable: " + e.getMessage(), e);
        }
    }

    private <T> T run(String what, Work<T> work) throws AnalysisException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new AnalysisException(Reason.UNAVAILABLE, "Could not " + what + " in the catalogue database: "
                    + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    private static String clip(String message) {
        return message.length() <= 10_000 ? message : message.substring(0, 9_997) + "...";
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
