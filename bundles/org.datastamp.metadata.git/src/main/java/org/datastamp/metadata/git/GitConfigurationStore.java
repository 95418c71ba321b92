package org.datastamp.metadata.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.InvalidConfigurationException;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.UnknownRevisionException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PullResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.util.io.NullOutputStream;

/**
 * The metadata configurations as a Git repository with one CSV file per instrument: a save is a commit, the history
 * is the file's log, a diff is Git's unified diff. Everything is read from the commits (never the working tree), so
 * a hand-edited, uncommitted file cannot change what scans record.
 *
 * <p>Thread-safe: writes (save, restore, pull) hold an exclusive lock so concurrent saves are committed one after
 * the other and none is lost; reads share the lock.
 */
final class GitConfigurationStore implements MetadataConfigurations, AutoCloseable {

    private static final String INSTRUMENT = "[A-Za-z0-9][A-Za-z0-9_.-]*";
    private static final String REVISION = "[0-9a-fA-F]{4,40}";

    private final Git git;
    private final Repository repository;
    private final Path folder;
    private final String branch;
    private final boolean shared;
    private final ConfigurationCsv csv;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private GitConfigurationStore(Git git, Path folder, String branch, boolean shared, ConfigurationCsv csv) {
        this.git = git;
        this.repository = git.getRepository();
        this.folder = folder;
        this.branch = branch;
        this.shared = shared;
        this.csv = csv;
    }

    /**
     * Opens the repository in {@code folder}; an empty or missing folder is cloned from {@code remoteUrl} when one is
     * given, else initialised.
     */
    static GitConfigurationStore open(Path folder, String remoteUrl, String branch, ConfigurationCsv csv)
            throws MetadataConfigurationException {
        boolean shared = !remoteUrl.isBlank();
        try {
            Files.createDirectories(folder);
            Git git;
            if (isEmpty(folder)) {
                git = shared
                        ? Git.cloneRepository().setURI(remoteUrl).setDirectory(folder.toFile()).setBranch(branch)
                                .call()
                        : Git.init().setDirectory(folder.toFile()).setInitialBranch(branch).call();
            } else if (Files.isDirectory(folder.resolve(Constants.DOT_GIT))) {
                git = Git.open(folder.toFile());
                if (shared) {
                    pointOriginAt(git.getRepository(), remoteUrl);
                }
            } else {
                throw new MetadataConfigurationException("Metadata configuration folder " + folder + " holds files"
                        + " but is not a Git repository; point the configuration at an empty folder or a repository");
            }
            return new GitConfigurationStore(git, folder, branch, shared, csv);
        } catch (IOException | GitAPIException e) {
            throw new MetadataConfigurationException("Could not open the metadata configuration repository in "
                    + folder + (shared ? " (shared repository " + remoteUrl + ")" : "") + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void pointOriginAt(Repository repository, String remoteUrl) throws IOException {
        StoredConfig config = repository.getConfig();
        config.setString("remote", "origin", "url", remoteUrl);
        config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        config.save();
    }

    Path folder() {
        return folder;
    }

    @Override
    public List<String> instruments() throws MetadataConfigurationException {
        lock.readLock().lock();
        try {
            ObjectId head = repository.resolve(Constants.HEAD + "^{tree}");
            TreeSet<String> names = new TreeSet<>();
            if (head != null) {
                try (TreeWalk walk = new TreeWalk(repository)) {
                    walk.addTree(head);
                    walk.setFilter(PathSuffixFilter.create(".csv"));
                    while (walk.next()) {
                        String name = walk.getNameString();
                        String instrument = name.substring(0, name.length() - ".csv".length());
                        if (instrument.matches(INSTRUMENT)) {
                            names.add(instrument);
                        }
                    }
                }
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw failure("list the configured instruments", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public MetadataConfiguration current(String instrument) throws MetadataConfigurationException {
        requireInstrument(instrument);
        lock.readLock().lock();
        try {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return MetadataConfiguration.empty(instrument);
            }
            Optional<String> text = fileAt(instrument, head);
            return text.isEmpty() ? MetadataConfiguration.empty(instrument) : csv.read(instrument, text.get());
        } catch (IOException e) {
            throw failure("read the configuration of " + instrument, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public ConfigurationRevision save(MetadataConfiguration configuration, String author, String message)
            throws MetadataConfigurationException {
        String instrument = configuration.instrument();
        String why = message == null || message.isBlank() ? "Update metadata configuration of " + instrument
                : message.strip();
        return commit(instrument, configuration, author, why);
    }

    @Override
    public ConfigurationRevision restore(String instrument, String revisionId, String author)
            throws MetadataConfigurationException {
        requireInstrument(instrument);
        lock.writeLock().lock();
        try {
            RevCommit old = commit(revisionId);
            MetadataConfiguration earlier = at(instrument, old);
            return commit(instrument, earlier, author, "Restore the configuration of " + instrument + " from revision "
                    + old.abbreviate(7).name() + " (" + old.getShortMessage() + ")");
        } catch (IOException e) {
            throw failure("restore revision " + revisionId + " of " + instrument, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private ConfigurationRevision commit(String instrument, MetadataConfiguration configuration, String author,
            String message) throws MetadataConfigurationException {
        if (author == null || author.isBlank()) {
            throw new InvalidConfigurationException("A metadata configuration is saved by a signed-in user; no author"
                    + " given for " + instrument);
        }
        csv.check(configuration);
        String text = csv.write(configuration);
        String file = ConfigurationCsv.fileName(instrument);
        lock.writeLock().lock();
        try {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head != null && fileAt(instrument, head).filter(text::equals).isPresent()) {
                return latest(instrument).orElseThrow();
            }
            Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
            git.add().addFilepattern(file).call();
            PersonIdent who = new PersonIdent(author.strip(), "");
            RevCommit commit = git.commit().setOnly(file).setAuthor(who).setCommitter(who).setMessage(message)
                    .setSign(false).call();
            return revision(commit);
        } catch (IOException | GitAPIException e) {
            throw failure("save the configuration of " + instrument, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<ConfigurationRevision> history(String instrument) throws MetadataConfigurationException {
        requireInstrument(instrument);
        lock.readLock().lock();
        try {
            ObjectId head = repository.resolve(Constants.HEAD);
            List<ConfigurationRevision> revisions = new ArrayList<>();
            if (head != null) {
                for (RevCommit c : git.log().add(head).addPath(ConfigurationCsv.fileName(instrument)).call()) {
                    revisions.add(revision(c));
                }
            }
            return revisions;
        } catch (IOException | GitAPIException e) {
            throw failure("read the history of " + instrument, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Optional<ConfigurationRevision> latest(String instrument) throws MetadataConfigurationException {
        return history(instrument).stream().findFirst();
    }

    @Override
    public MetadataConfiguration at(String instrument, String revisionId) throws MetadataConfigurationException {
        requireInstrument(instrument);
        lock.readLock().lock();
        try {
            return at(instrument, commit(revisionId));
        } catch (IOException e) {
            throw failure("read revision " + revisionId + " of " + instrument, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private MetadataConfiguration at(String instrument, RevCommit commit)
            throws IOException, MetadataConfigurationException {
        String text = fileAt(instrument, commit).orElseThrow(() -> new UnknownRevisionException("Revision "
                + commit.abbreviate(7).name() + " holds no metadata configuration of " + instrument));
        return csv.read(instrument, text);
    }

    @Override
    public String diff(String instrument, String fromRevisionId, String toRevisionId)
            throws MetadataConfigurationException {
        requireInstrument(instrument);
        lock.readLock().lock();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                DiffFormatter formatter = new DiffFormatter(out)) {
            RevCommit from = commit(fromRevisionId);
            RevCommit to = commit(toRevisionId);
            formatter.setRepository(repository);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setPathFilter(PathFilter.create(ConfigurationCsv.fileName(instrument)));
            formatter.format(from.getTree(), to.getTree());
            formatter.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("compare revisions " + fromRevisionId + " and " + toRevisionId + " of " + instrument, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<String> pull() throws MetadataConfigurationException {
        if (!shared) {
            return MetadataConfigurations.super.pull();
        }
        lock.writeLock().lock();
        try {
            ObjectId before = repository.resolve(Constants.HEAD);
            PullResult result = git.pull().setRemote("origin").setRemoteBranchName(branch)
                    .setStrategy(MergeStrategy.RECURSIVE).call();
            if (!result.isSuccessful()) {
                if (before != null) {
                    // A failed merge leaves conflict markers in the working tree; the local history stays as it was
                    git.reset().setMode(ResetCommand.ResetType.HARD).setRef(before.name()).call();
                }
                throw new MetadataConfigurationException("Pulling the shared metadata configurations from "
                        + remoteUrl() + " failed: " + describe(result) + "; nothing was changed here");
            }
            return changedInstruments(before, repository.resolve(Constants.HEAD));
        } catch (IOException | GitAPIException e) {
            throw failure("pull the shared configurations from " + remoteUrl(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static String describe(PullResult result) {
        if (result.getMergeResult() != null && result.getMergeResult().getConflicts() != null) {
            return "both sides changed the same lines of " + String.join(", ",
                    new TreeSet<>(result.getMergeResult().getConflicts().keySet()));
        }
        if (result.getMergeResult() != null) {
            return "merge " + result.getMergeResult().getMergeStatus();
        }
        return "fetch from " + result.getFetchedFrom();
    }

    private List<String> changedInstruments(ObjectId before, ObjectId after) throws IOException {
        TreeSet<String> changed = new TreeSet<>();
        if (after == null || after.equals(before)) {
            return List.of();
        }
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter formatter = new DiffFormatter(NullOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            ObjectId oldTree = before == null ? null : walk.parseCommit(before).getTree();
            for (DiffEntry entry : formatter.scan(oldTree, walk.parseCommit(after).getTree())) {
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath()
                        : entry.getNewPath();
                if (path.endsWith(".csv") && !path.contains("/")) {
                    changed.add(path.substring(0, path.length() - ".csv".length()));
                }
            }
        }
        return List.copyOf(changed);
    }

    private String remoteUrl() {
        return repository.getConfig().getString("remote", "origin", "url");
    }

    private Optional<String> fileAt(String instrument, ObjectId commitId) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = TreeWalk.forPath(repository, ConfigurationCsv.fileName(instrument),
                    commit.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(repository.open(tree.getObjectId(0)).getBytes(),
                        StandardCharsets.UTF_8));
            }
        }
    }

    /** Resolves a commit id (full or abbreviated hex); anything else, e.g. {@code HEAD~3}, is refused. */
    private RevCommit commit(String revisionId) throws IOException, UnknownRevisionException {
        if (revisionId == null || !revisionId.matches(REVISION)) {
            throw new UnknownRevisionException("'" + revisionId + "' is not a revision id (4 to 40 hexadecimal"
                    + " digits of a commit)");
        }
        ObjectId id;
        try {
            id = repository.resolve(revisionId + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new UnknownRevisionException("Revision '" + revisionId + "' is ambiguous; give more digits");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.IncorrectObjectTypeException
                | org.eclipse.jgit.errors.MissingObjectException e) {
            id = null;
        }
        if (id == null) {
            throw new UnknownRevisionException("No revision '" + revisionId + "' in the metadata configuration"
                    + " history");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        }
    }

    private static ConfigurationRevision revision(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new ConfigurationRevision(commit.name(), author.getName(), commit.getFullMessage().strip(),
                author.getWhenAsInstant());
    }

    private static void requireInstrument(String instrument) throws InvalidConfigurationException {
        if (instrument == null || !instrument.matches(INSTRUMENT)) {
            throw new InvalidConfigurationException("'" + instrument + "' is not an instrument id (letters, digits,"
                    + " '_', '.' and '-')");
        }
    }

    private MetadataConfigurationException failure(String what, Exception e) {
        return new MetadataConfigurationException("Could not " + what + " in the metadata configuration repository "
                + folder + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        git.close();
    }
}
