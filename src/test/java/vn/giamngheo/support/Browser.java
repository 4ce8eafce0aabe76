package vn.giamngheo.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests. When {@code CI} is set and Chromium or
 * ChromeDriver is missing the test fails; on a developer machine without them it is
 * skipped.
 */
public final class Browser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Browser() {
	}

	public static ChromeDriver start() throws Exception {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!present) {
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(
						"CI is set but /usr/bin/chromium or /usr/bin/chromedriver is missing: apt-get install -y chromium chromium-driver");
			}
			Assumptions.abort("Chromium not installed (apt-get install -y chromium chromium-driver)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		// the console, to see Content-Security-Policy violations (quit)
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--lang=vi",
				"--user-data-dir=" + Files.createTempDirectory("giamngheo-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/**
	 * Ends the browser after checking that no page it showed broke the
	 * Content-Security-Policy (an inline script or handler would be refused and logged).
	 * @param driver the browser, or {@code null}
	 */
	public static void quit(ChromeDriver driver) {
		if (driver == null) {
			return;
		}
		try {
			java.util.List<String> violations = driver.manage()
				.logs()
				.get(org.openqa.selenium.logging.LogType.BROWSER)
				.getAll()
				.stream()
				.map(org.openqa.selenium.logging.LogEntry::getMessage)
				.filter((m) -> m.contains("Content Security Policy"))
				.toList();
			org.assertj.core.api.Assertions.assertThat(violations).as("CSP violations").isEmpty();
		}
		finally {
			driver.quit();
		}
	}

	/**
	 * Waits until the login form has been answered (the browser left {@code /login}): a
	 * {@code get} right after the click can otherwise race the session cookie.
	 * @param driver the browser that clicked "log in"
	 */
	public static void awaitSignedIn(org.openqa.selenium.WebDriver driver) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
			.until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	/**
	 * Signs in through the login form and waits until the form has been answered.
	 * @param driver the browser
	 * @param base the application's base URL ({@code http://localhost:port})
	 * @param username user name
	 * @param password password
	 */
	public static void signIn(org.openqa.selenium.WebDriver driver, String base, String username, String password) {
		driver.get(base + "/login");
		driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
		driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
		awaitSignedIn(driver);
	}

}
