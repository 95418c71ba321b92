package org.datastamp.storage.tape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.datastamp.storage.api.StorageException;

/**
 * Tells migrated stubs from resident files the way HSMs show it: a stub keeps its size but has no data blocks on
 * disk (st_blocks == 0 while st_size > 0). Java cannot see st_blocks (neither BasicFileAttributes nor the "unix"
 * attribute view has it), so this asks GNU coreutils' {@code stat --printf='%b %s\n'}, many files per process.
 */
final class StubProbe {

    private static final int FILES_PER_CALL = 500;
    private static final long TIMEOUT_SECONDS = 60;

    /** For each file, in order, whether its data is on disk. Every file must exist. */
    List<Boolean> resident(List<Path> files) throws StorageException {
        List<Boolean> result = new ArrayList<>(files.size());
        for (int from = 0; from < files.size(); from += FILES_PER_CALL) {
            result.addAll(call(files.subList(from, Math.min(files.size(), from + FILES_PER_CALL))));
        }
        return result;
    }

    private static List<Boolean> call(List<Path> files) throws StorageException {
        List<String> command = new ArrayList<>(List.of("stat", "--printf=%b %s\\n", "--"));
        files.forEach(f -> command.add(f.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StorageException("Could not tell migrated stubs from resident files: 'stat' failed on "
                        + files.size() + " files: " + output.strip());
            }
            String[] lines = output.split("\n");
            if (lines.length != files.size()) {
                throw new StorageException("'stat' answered " + lines.length + " lines for " + files.size()
                        + " files: " + output.strip());
            }
            List<Boolean> resident = new ArrayList<>();
            for (String line : lines) {
                String[] blocksAndSize = line.trim().split(" ");
                resident.add(Long.parseLong(blocksAndSize[0]) > 0 || Long.parseLong(blocksAndSize[1]) == 0);
            }
            return resident;
        } catch (IOException e) {
            throw new StorageException("Could not run 'stat' (GNU coreutils) to tell migrated stubs from resident"
                    + " files: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while checking which files are migrated", e);
        }
    }
}
