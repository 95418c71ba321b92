package org.datastamp.storage.tape.simulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.datastamp.storage.api.StorageException;

/**
 * Which cartridge and position holds each object. New objects are appended after the last byte written to the
 * current cartridge, as on tape; a full cartridge is closed and the next one opened. Deleting an object frees no
 * tape space (that needs reclamation, which is not simulated).
 * <p>
 * The catalogue is a tab-separated text file rewritten as a whole on every change: written to a temporary file,
 * flushed to the device, then moved over the old one atomically, so a crash leaves the old or the new version and
 * a restart finds every object whose put returned.
 */
final class PlacementCatalog {

    private static final String HEADER = "# key\tcartridge\tposition\tsize";

    private final Path file;
    private final long cartridgeBytes;
    private final Map<String, Placement> byKey = new TreeMap<>();
    private String currentCartridge;
    private long currentFill;
    private int cartridgesUsed;

    private PlacementCatalog(Path file, long cartridgeBytes) {
        this.file = file;
        this.cartridgeBytes = cartridgeBytes;
    }

    /** Loads the catalogue from {@code file}, or starts an empty one if the file does not exist. */
    static PlacementCatalog load(Path file, long cartridgeBytes) throws StorageException {
        PlacementCatalog catalog = new PlacementCatalog(file, cartridgeBytes);
        if (!Files.exists(file)) {
            return catalog;
        }
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new StorageException("Tape catalogue " + file + " line " + lineNumber
                            + ": expected key, cartridge, position and size separated by tabs");
                }
                catalog.add(new Placement(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        } catch (IOException | NumberFormatException e) {
            throw new StorageException("Could not read the tape catalogue " + file + ": " + e, e);
        }
        return catalog;
    }

    private void add(Placement p) {
        byKey.put(p.key(), p);
        int number = Integer.parseInt(p.cartridge().substring(2, 6));
        if (number > cartridgesUsed) {
            cartridgesUsed = number;
            currentCartridge = p.cartridge();
            currentFill = 0;
        }
        if (p.cartridge().equals(currentCartridge)) {
            currentFill = Math.max(currentFill, p.position() + p.size());
        }
    }

    Placement find(String key) {
        return byKey.get(key);
    }

    List<Placement> all() {
        return new ArrayList<>(byKey.values());
    }

    int cartridgesUsed() {
        return cartridgesUsed;
    }

    /** Chooses where {@code size} bytes go next, without recording it yet. */
    Placement allocate(String key, long size) throws StorageException {
        if (size > cartridgeBytes) {
            throw new StorageException("Object '" + key + "' (" + size + " bytes) is larger than a cartridge ("
                    + cartridgeBytes + " bytes); objects spanning cartridges are not supported");
        }
        if (currentCartridge == null || currentFill + size > cartridgeBytes) {
            return new Placement(key, barcode(cartridgesUsed + 1), 0, size);
        }
        return new Placement(key, currentCartridge, currentFill, size);
    }

    /** Records a placement and persists the catalogue; on failure the in-memory state is unchanged. */
    void record(Placement p) throws StorageException {
        Map<String, Placement> before = new TreeMap<>(byKey);
        byKey.put(p.key(), p);
        try {
            save();
        } catch (StorageException e) {
            byKey.clear();
            byKey.putAll(before);
            throw e;
        }
        add(p);
    }

    /** Forgets a placement and persists the catalogue. */
    void remove(String key) throws StorageException {
        Placement removed = byKey.remove(key);
        try {
            save();
        } catch (StorageException e) {
            byKey.put(key, removed);
            throw e;
        }
    }

    static String barcode(int number) {
        return String.format("DS%04dL8", number);
    }

    private void save() throws StorageException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Placement p : byKey.values()) {
            text.append(p.key()).append('\t').append(p.cartridge()).append('\t').append(p.position()).append('\t')
                    .append(p.size()).append('\n');
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageException("Could not write the tape catalogue " + file + ": " + e, e);
        }
    }
}
