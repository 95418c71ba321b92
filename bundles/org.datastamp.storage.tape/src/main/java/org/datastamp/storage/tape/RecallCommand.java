package org.datastamp.storage.tape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.datastamp.storage.api.StorageException;

/**
 * Brings files back from tape. With no command, by reading each file to the end (an HSM or LTFS recalls a file
 * transparently when it is read). With a command, by running it once for the whole list, so the tape software can
 * order the recall by cartridge: {@code {filelist}} in the command is replaced by a file with one path per line
 * (IBM Storage Archive: {@code eeadm recall {filelist}}), {@code {files}} by the paths as arguments
 * ({@code dsmrecall {files}}); without either, the paths are appended as arguments.
 */
final class RecallCommand {

    private final List<String> command;
    private final Duration timeout;

    /** @param commandLine empty to recall by reading; words separated by spaces otherwise */
    RecallCommand(String commandLine, Duration timeout) {
        this.command = commandLine == null || commandLine.isBlank() ? List.of()
                : List.of(commandLine.trim().split("\\s+"));
        this.timeout = timeout;
    }

    boolean readsFiles() {
        return command.isEmpty();
    }

    void recall(List<Path> files) throws StorageException {
        if (command.isEmpty()) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new StorageException("Could not recall " + file + " by reading it: " + e, e);
                }
            }
            return;
        }
        Path list = null;
        try {
            List<String> words = new ArrayList<>();
            boolean placed = false;
            for (String word : command) {
                if (word.equals("{filelist}")) {
                    list = Files.createTempFile("datastamp-recall-", ".txt");
                    Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
                    words.add(list.toString());
                    placed = true;
                } else if (word.equals("{files}")) {
                    files.forEach(f -> words.add(f.toString()));
                    placed = true;
                } else {
                    words.add(word);
                }
            }
            if (!placed) {
                files.forEach(f -> words.add(f.toString()));
            }
            run(words);
        } catch (IOException e) {
            throw new StorageException("Could not run the recall command '" + String.join(" ", command) + "': " + e,
                    e);
        } finally {
            if (list != null) {
                list.toFile().delete();
            }
        }
    }

    private void run(List<String> words) throws IOException, StorageException {
        Path output = Files.createTempFile("datastamp-recall-", ".log");
        try {
            Process process = new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new StorageException("Recall command '" + words.get(0) + "' did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                String said = Files.readString(output, StandardCharsets.UTF_8).strip();
                throw new StorageException("Recall command '" + words.get(0) + "' failed with exit code "
                        + process.exitValue() + ": " + (said.length() > 2000 ? said.substring(0, 2000) : said));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for the recall command", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
