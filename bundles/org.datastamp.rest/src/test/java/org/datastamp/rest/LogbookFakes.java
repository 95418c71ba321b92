package org.datastamp.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.AccessDeniedException;
import org.datastamp.logbook.api.EntryKind;
import org.datastamp.logbook.api.EntryVersion;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.ImageData;
import org.datastamp.logbook.api.InvalidEntryException;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.api.NotFoundException;
import org.datastamp.logbook.api.ScanFilter;
import org.datastamp.logbook.api.ScanRow;
import org.datastamp.logbook.api.StaleVersionException;

/**
 * An in-memory logbook with the service's access rule in small: session S1 of proposal P1 on CoSAXS; its members, the
 * CoSAXS staff and curators write, "reader" only reads, everyone else is told it does not exist.
 */
final class LogbookFakes implements Logbook {

    final Map<String, ScanRow> scans = new LinkedHashMap<>();
    final Map<String, Map<String, Integer>> ratings = new LinkedHashMap<>();
    final Map<String, List<EntryVersion>> versions = new LinkedHashMap<>();
    final Map<String, LogEntry> entries = new LinkedHashMap<>();
    final Map<String, byte[]> images = new LinkedHashMap<>();

    LogbookFakes() {
        for (int i = 1; i <= 3; i++) {
            String id = "scan-00000" + i;
            scans.put(id, new ScanRow(id, "S1", "CoSAXS", Fakes.T0.plusSeconds(60L * i), "Scan " + i, "eiger",
                    "lysozyme", i == 3 ? "FAILED" : "COMPLETED", "ds-" + i, 10, "", Map.of("beam_energy", "12.4 keV"),
                    0, 0, 0, Set.of(), 0, ""));
        }
    }

    private void read(String sessionId, Viewer viewer) throws NotFoundException {
        if (!sessionId.equals("S1") || !(writes(viewer) || viewer.username().equals("reader"))) {
            throw new NotFoundException("No session '" + sessionId + "' with a logbook you may see");
        }
    }

    private static boolean writes(Viewer viewer) {
        return viewer.seesEverything() || viewer.proposals().contains("P1") || viewer.staffOf().contains("CoSAXS");
    }

    private void write(String sessionId, Viewer viewer) throws LogbookException {
        read(sessionId, viewer);
        if (!writes(viewer)) {
            throw new AccessDeniedException("'" + viewer.username() + "' may read but not write the logbook of"
                    + " session " + sessionId);
        }
    }

    private ScanRow known(String scanId) throws NotFoundException {
        ScanRow row = scans.get(scanId);
        if (row == null) {
            throw new NotFoundException("No scan '" + scanId + "' in any logbook");
        }
        return row;
    }

    @Override
    public List<ScanRow> scans(String sessionId, ScanFilter filter, Viewer viewer) throws LogbookException {
        read(sessionId, viewer);
        return scans.values().stream().filter(r -> filter.status().isEmpty() || r.status().equals(filter.status()))
                .filter(r -> filter.tag().isEmpty() || r.tags().contains(filter.tag()))
                .filter(r -> r.rating() >= filter.minStars())
                .filter(r -> filter.text().isEmpty() || r.title().contains(filter.text())).toList();
    }

    @Override
    public Optional<ScanRow> scan(String scanId, Viewer viewer) throws LogbookException {
        read("S1", viewer);
        return Optional.ofNullable(scans.get(scanId));
    }

    @Override
    public List<LogEntry> entries(String sessionId, String text, Viewer viewer) throws LogbookException {
        read(sessionId, viewer);
        return entries.values().stream().filter(e -> e.markdown().contains(text)).toList();
    }

    private LogEntry save(String id, EntryKind kind, String scanId, String markdown, Viewer viewer)
            throws InvalidEntryException {
        if (markdown.isBlank()) {
            throw new InvalidEntryException("markdown", "write something");
        }
        List<EntryVersion> list = versions.computeIfAbsent(id, k -> new ArrayList<>());
        list.add(new EntryVersion(id, list.size() + 1, markdown, viewer.username(), Fakes.T0));
        LogEntry entry = new LogEntry(id, "S1", kind, scanId, list.size(), markdown, "<p>rendered</p>",
                list.get(0).author(), Fakes.T0, viewer.username(), Fakes.T0);
        entries.put(id, entry);
        return entry;
    }

    @Override
    public LogEntry addNote(String sessionId, String markdown, Viewer viewer) throws LogbookException {
        write(sessionId, viewer);
        return save("e-" + (entries.size() + 1), EntryKind.NOTE, "", markdown, viewer);
    }

    @Override
    public LogEntry comment(String scanId, String markdown, Viewer viewer) throws LogbookException {
        write(known(scanId).sessionId(), viewer);
        return save("e-" + (entries.size() + 1), EntryKind.COMMENT, scanId, markdown, viewer);
    }

    @Override
    public LogEntry edit(String entryId, int basedOn, String markdown, Viewer viewer) throws LogbookException {
        write("S1", viewer);
        LogEntry entry = entries.get(entryId);
        if (entry == null) {
            throw new NotFoundException("No entry '" + entryId + "' you may see");
        }
        if (basedOn != entry.version()) {
            throw new StaleVersionException("Entry " + entryId + " is at version " + entry.version()
                    + "; nothing was written");
        }
        return save(entryId, entry.kind(), entry.scanId(), markdown, viewer);
    }

    @Override
    public List<EntryVersion> history(String entryId, Viewer viewer) throws LogbookException {
        read("S1", viewer);
        return List.copyOf(versions.getOrDefault(entryId, List.of()));
    }

    @Override
    public LogImage upload(String sessionId, String fileName, byte[] content, Viewer viewer)
            throws LogbookException {
        write(sessionId, viewer);
        if (content.length < 4 || content[1] != 'P' || content[2] != 'N' || content[3] != 'G') {
            throw new InvalidEntryException("content", "not a PNG, JPEG or TIFF image");
        }
        String id = "img-" + (images.size() + 1);
        images.put(id, content);
        return new LogImage(id, sessionId, fileName, "image/png", 1, 1, content.length, viewer.username(), Fakes.T0);
    }

    @Override
    public List<LogImage> images(String sessionId, Viewer viewer) throws LogbookException {
        read(sessionId, viewer);
        return images.entrySet().stream().map(e -> new LogImage(e.getKey(), "S1", "x.png", "image/png", 1, 1,
                e.getValue().length, "pia", Fakes.T0)).toList();
    }

    @Override
    public Optional<ImageData> image(String imageId, boolean thumbnail, Viewer viewer) throws LogbookException {
        read("S1", viewer);
        byte[] content = images.get(imageId);
        return content == null ? Optional.empty()
                : Optional.of(new ImageData("image/png", thumbnail ? new byte[] {1} : content));
    }

    @Override
    public ScanRow rate(String scanId, int stars, Viewer viewer) throws LogbookException {
        ScanRow r = known(scanId);
        write(r.sessionId(), viewer);
        if (stars < 1 || stars > 5) {
            throw new InvalidEntryException("stars", "give 1 to 5 stars, not " + stars);
        }
        Map<String, Integer> byPerson = ratings.computeIfAbsent(scanId, k -> new LinkedHashMap<>());
        byPerson.put(viewer.username(), stars);
        double mean = byPerson.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        ScanRow rated = new ScanRow(r.scanId(), r.sessionId(), r.instrument(), r.started(), r.title(), r.type(),
                r.sample(), r.status(), r.datasetId(), r.frames(), r.error(), r.values(), mean, byPerson.size(), stars,
                r.tags(), r.comments(), r.thumbnail());
        scans.put(scanId, rated);
        return rated;
    }

    @Override
    public ScanRow tag(String scanId, Set<String> add, Set<String> remove, Viewer viewer) throws LogbookException {
        ScanRow r = known(scanId);
        write(r.sessionId(), viewer);
        Set<String> tags = new HashSet<>(r.tags());
        tags.addAll(add);
        tags.removeAll(remove);
        ScanRow tagged = new ScanRow(r.scanId(), r.sessionId(), r.instrument(), r.started(), r.title(), r.type(),
                r.sample(), r.status(), r.datasetId(), r.frames(), r.error(), r.values(), r.rating(), r.ratings(),
                r.myRating(), tags, r.comments(), r.thumbnail());
        scans.put(scanId, tagged);
        return tagged;
    }

    @Override
    public byte[] export(String sessionId, ExportFormat format, Viewer viewer) throws LogbookException {
        read(sessionId, viewer);
        return (format == ExportFormat.PDF ? "%PDF-1.7" : "<!DOCTYPE html>").getBytes();
    }

    @Override
    public List<Attachment> attachToDatasets(String sessionId) {
        return List.of();
    }
}
