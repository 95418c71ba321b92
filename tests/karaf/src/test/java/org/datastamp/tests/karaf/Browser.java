package org.datastamp.tests.karaf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium driven by Debian's chromedriver (never a downloaded browser). */
final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static WebDriver start(Path work) throws IOException {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(tool),
                    tool + " is missing: apt-get install -y chromium chromium-driver (releng/test does this)");
        }
        Files.createDirectories(work);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows, for a person to look at after a run (pass or fail). */
    static void screenshot(WebDriver browser, Path file) {
        try {
            Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | WebDriverException e) {
            System.err.println("No screenshot " + file + ": " + e.getMessage());
        }
    }
}
