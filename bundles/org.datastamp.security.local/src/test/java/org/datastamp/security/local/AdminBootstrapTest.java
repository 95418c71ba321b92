package org.datastamp.security.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Role;
import org.datastamp.security.api.PasswordCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {

    private final FakeDirectory directory = new FakeDirectory();
    private final LocalAccountsProvider accounts = new LocalAccountsProvider(directory, new SecureRandom(),
            new MutableClock());
    private final AdminBootstrap bootstrap = new AdminBootstrap(directory, accounts, new SecureRandom());

    @TempDir
    Path dataDir;

    @Test
    void createsAdminWithAPasswordThatLogsIn() throws Exception {
        Optional<Path> file = bootstrap.bootstrap(dataDir);

        assertEquals(Optional.of(dataDir.resolve("admin-password")), file);
        assertEquals(Set.of(Role.ADMIN), directory.people.get("admin").roles());
        String password = Files.readString(file.get()).strip();
        assertTrue(password.length() >= 16, password);
        assertEquals(Optional.of("admin"), accounts.authenticate(new PasswordCredentials("admin", password)));
    }

    @Test
    void passwordFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = bootstrap.bootstrap(dataDir).orElseThrow();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void writesTheFileOnceAndNotAgain() throws Exception {
        Path file = bootstrap.bootstrap(dataDir).orElseThrow();
        String first = Files.readString(file);
        String firstHash = directory.hashes.get("admin");

        assertEquals(Optional.empty(), bootstrap.bootstrap(dataDir));
        assertEquals(first, Files.readString(file));
        assertEquals(firstHash, directory.hashes.get("admin"));

        Files.delete(file);
        assertEquals(Optional.empty(), new AdminBootstrap(directory, accounts, new SecureRandom()).bootstrap(dataDir));
        assertFalse(Files.exists(file));
    }

    @Test
    void leavesAnAdminWithAPasswordAlone() throws Exception {
        directory.savePerson(new Person("admin", "Ada Admin", "ada@example.org", "", "", Set.of(Role.ADMIN), Set.of()));
        accounts.setPassword("admin", "chosen-by-ada");

        assertEquals(Optional.empty(), bootstrap.bootstrap(dataDir));
        assertFalse(Files.exists(dataDir.resolve("admin-password")));
        assertEquals(Optional.of("admin"), accounts.authenticate(new PasswordCredentials("admin", "chosen-by-ada")));
    }

    @Test
    void existingAdminPersonWithoutPasswordKeepsItsDetailsAndGainsTheAdminRole() throws Exception {
        directory.savePerson(new Person("admin", "Ada Admin", "ada@example.org", "", "", Set.of(Role.CURATOR),
                Set.of()));

        assertTrue(bootstrap.bootstrap(dataDir).isPresent());

        Person admin = directory.people.get("admin");
        assertEquals("Ada Admin", admin.fullName());
        assertEquals(Set.of(Role.ADMIN, Role.CURATOR), admin.roles());
    }
}
