package org.datastamp.catalog.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.datastamp.catalog.api.CatalogException;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The SQL migrations shipped in this bundle ({@code db/migration/*.sql}), read once and handed to Flyway. Flyway's
 * own class-path scanner needs the flyway-core bundle to be started to list a bundle's entries; listing them here
 * (through the bundle, or the class-path folder in unit tests) works whatever the start order.
 */
final class MigrationScripts implements ResourceProvider, ClassProvider<JavaMigration> {

    static final String FOLDER = "db/migration";

    /** Script text by file name. */
    private final Map<String, String> scripts;

    private MigrationScripts(Map<String, String> scripts) {
        this.scripts = scripts;
    }

    static MigrationScripts load() throws CatalogException {
        Map<String, String> scripts = new TreeMap<>();
        try {
            for (URL url : scriptUrls()) {
                String path = url.getPath();
                try (InputStream in = url.openStream()) {
                    scripts.put(path.substring(path.lastIndexOf('/') + 1),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new CatalogException("Could not read the catalogue's schema scripts: " + e.getMessage(), e);
        }
        if (scripts.isEmpty()) {
            throw new CatalogException("The catalogue bundle has no schema scripts in " + FOLDER);
        }
        return new MigrationScripts(scripts);
    }

    private static List<URL> scriptUrls() throws IOException, URISyntaxException {
        Bundle bundle = FrameworkUtil.getBundle(MigrationScripts.class);
        if (bundle != null) {
            Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.sql", false);
            return entries == null ? List.of() : Collections.list(entries);
        }
        // Outside OSGi (unit tests) the scripts are files in the class-path folder.
        URL folder = MigrationScripts.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        if ("jar".equals(folder.getProtocol())) {
            // other bundles' unit tests have this bundle as a jar on their class path
            try (FileSystem jar = FileSystems.newFileSystem(folder.toURI(), Map.of())) {
                return sqlFiles(jar.getPath(FOLDER));
            }
        }
        return "file".equals(folder.getProtocol()) ? sqlFiles(Path.of(folder.toURI())) : List.of();
    }

    private static List<URL> sqlFiles(Path folder) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                urls.add(p.toUri().toURL());
            }
        }
        return urls;
    }

    /** File names of the scripts, in name order. */
    Collection<String> names() {
        return scripts.keySet();
    }

    @Override
    public LoadableResource getResource(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return scripts.containsKey(fileName) ? new Script(fileName) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (String name : scripts.keySet()) {
            if (name.startsWith(prefix) && Stream.of(suffixes).anyMatch(name::endsWith)) {
                found.add(new Script(name));
            }
        }
        return found;
    }

    /** No Java migrations: the schema is SQL only. */
    @Override
    public Collection<Class<? extends JavaMigration>> getClasses() {
        return List.of();
    }

    private final class Script extends LoadableResource {
        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            String text = scripts.get(name);
            if (text == null) {
                throw new UncheckedIOException(new IOException("No schema script " + name));
            }
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + "/" + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
