package vn.giamngheo.identity;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import vn.giamngheo.identity.UserDirectory.NewUser;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.shared.scope.Actor;

/**
 * At first start: the administrator account (from {@code giamngheo.admin.*}) and, when
 * demo data is enabled, one demo user per role in the two demo provinces (Lai Châu, Quảng
 * Nam), printed with their password and scope. A production start
 * ({@code giamngheo.production=true}) refuses the default admin password and refuses to
 * create demo users. Runs once every bean is made, before the web server listens (ADR
 * 0055): sign-in works as soon as the login page answers, while the demo data loads in
 * the background ({@code DemoStartup}), which then gives the demo reviewer its villages.
 * Documented in {@code docs/demo-users.md}.
 */
@Component
public class DemoUsers implements SmartInitializingSingleton {

	/** The password of every demo user — for demo data only. */
	public static final String DEMO_PASSWORD = "demo-giamngheo";

	static final String DEFAULT_ADMIN_PASSWORD = "admin-giamngheo";

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	/** username, display name, role, view units, capture units (code@edition). */
	static final List<Demo> DEMO = List.of(
			new Demo("tinh.laichau", "Cán bộ tỉnh Lai Châu", Role.PROVINCE_OFFICER, List.of("12@2024"),
					List.of("12@2024")),
			new Demo("tinh.quangnam", "Cán bộ tỉnh Quảng Nam", Role.PROVINCE_OFFICER, List.of("49@2024"),
					List.of("49@2024")),
			new Demo("huyen.phongtho", "Cán bộ huyện Phong Thổ", Role.DISTRICT_OFFICER, List.of("109@2024"),
					List.of("109@2024")),
			new Demo("huyen.taygiang", "Cán bộ huyện Tây Giang", Role.DISTRICT_OFFICER, List.of("504@2024"),
					List.of("504@2024")),
			new Demo("xa.silolau", "Cán bộ xã Sì Lở Lầu", Role.COMMUNE_OFFICER, List.of("03550@2024"),
					List.of("03550@2024")),
			new Demo("xa.dang", "Cán bộ xã Dang", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024")),
			new Demo("ctv.dang", "Cộng tác viên rà soát xã Dang", Role.REVIEWER, List.of("20464@2024"), List.of()),
			new Demo("lanhdao.laichau", "Lãnh đạo tỉnh Lai Châu", Role.LEADER, List.of("12@2024"), List.of()),
			new Demo("lanhdao.taygiang", "Lãnh đạo huyện Tây Giang", Role.LEADER, List.of("504@2024"), List.of()),
			new Demo("nhcsxh.quangnam", "Ngân hàng CSXH Quảng Nam", Role.PARTNER, List.of("49@2024"),
					List.of("49@2024"), Agency.VBSP),
			new Demo("bhxh.laichau", "Bảo hiểm xã hội Lai Châu", Role.PARTNER, List.of("12@2024"), List.of("12@2024"),
					Agency.SOCIAL_INSURANCE),
			new Demo("kiemtoan", "Kiểm toán viên", Role.AUDITOR, List.of("12@2024", "49@2024"), List.of()));

	/**
	 * The villages of Xã Dang the demo reviewer captures in, given once the demo villages
	 * exist ({@link #demoVillagesLoaded}): a reviewer captures in villages only.
	 */
	static final List<String> REVIEWER_VILLAGES = List.of("20464-01@local", "20464-02@local");

	static final String DEMO_REVIEWER = "ctv.dang";

	private final UserDirectory directory;

	private final UserRepository users;

	private final Rescoping rescoping;

	private final boolean demoEnabled;

	private final boolean production;

	private final String adminUsername;

	private final String adminPassword;

	public DemoUsers(UserDirectory directory, UserRepository users, Rescoping rescoping,
			@Value("${giamngheo.demo.enabled:true}") boolean demoEnabled,
			@Value("${giamngheo.production:false}") boolean production,
			@Value("${giamngheo.admin.username:admin}") String adminUsername,
			@Value("${giamngheo.admin.password:" + DEFAULT_ADMIN_PASSWORD + "}") String adminPassword) {
		this.directory = directory;
		this.users = users;
		this.rescoping = rescoping;
		this.demoEnabled = demoEnabled;
		this.production = production;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.production && this.demoEnabled) {
			throw new IllegalStateException("giamngheo.production=true: refusing to create demo users and demo data;"
					+ " set giamngheo.demo.enabled=false");
		}
		if (!this.users.exists(this.adminUsername)) {
			if (this.production && (this.adminPassword == null || this.adminPassword.isBlank()
					|| DEFAULT_ADMIN_PASSWORD.equals(this.adminPassword) || "admin".equals(this.adminPassword))) {
				throw new IllegalStateException("giamngheo.production=true: refusing to start with the default"
						+ " administrator password; set GIAMNGHEO_ADMIN_PASSWORD");
			}
			this.directory.createUnchecked(new NewUser(this.adminUsername, "Quản trị hệ thống",
					Role.SYSTEM_ADMIN.name(), this.adminPassword, true, true, List.of(), List.of()), false,
					Actor.SYSTEM.username());
			log.info("Created administrator '{}' (password from giamngheo.admin.password)", this.adminUsername);
		}
		if (!this.demoEnabled || this.users.exists(DEMO.get(0).username())) {
			return;
		}
		List<String> lines = new ArrayList<>();
		// no passwords in the log (ADR 0019): they are in docs/demo-users.md
		lines.add(String.format("%-18s %-18s %s", "username", "role", "scope (view / capture)"));
		lines.add(String.format("%-18s %-18s %s", this.adminUsername, Role.SYSTEM_ADMIN, "nation / nation"));
		for (Demo d : DEMO) {
			this.directory.createUnchecked(
					new NewUser(d.username(), d.displayName(), d.role().name(), DEMO_PASSWORD, false, false, d.view(),
							d.capture(), (d.agency() != null) ? d.agency().name() : null),
					true, Actor.SYSTEM.username());
			lines.add(String.format("%-18s %-18s %s / %s", d.username(), d.role(), d.view(),
					d.capture().isEmpty() ? "-" : d.capture()));
		}
		log.info("Demo users created (demo data only — tài khoản demo, chỉ dùng cho dữ liệu mô phỏng;"
				+ " passwords / mật khẩu: docs/demo-users.md):\n  {}", String.join("\n  ", lines));
	}

	/**
	 * Gives the demo reviewer its villages when they exist and it has none yet (the demo
	 * users are made before the demo data, the villages with the data).
	 */
	public void demoVillagesLoaded() {
		if (!this.demoEnabled) {
			return;
		}
		this.users.findPrincipal(DEMO_REVIEWER)
			.filter((u) -> u.role() == Role.REVIEWER && u.actor().scope().capturePaths().isEmpty())
			.ifPresent((u) -> {
				this.directory.replaceCaptureUnchecked(u.id(), REVIEWER_VILLAGES, Actor.SYSTEM.username());
				log.info("Demo reviewer {} captures in {}", DEMO_REVIEWER, REVIEWER_VILLAGES);
			});
	}

	/**
	 * The demo users follow their units to the 2025 list (ADR 0029): created on the 2024
	 * units, as they were before the reform, they are re-scoped once the demo households
	 * live on the 2025 units. Runs at every demo start and changes nothing once done (the
	 * reviewer's villages follow when their households have been moved).
	 */
	public void demoUnitsMoved() {
		if (this.demoEnabled) {
			this.rescoping.applyUnchecked();
		}
	}

	/**
	 * A demo user.
	 *
	 * @param username login name
	 * @param displayName display name
	 * @param role role
	 * @param view view units
	 * @param capture capture units
	 * @param agency a partner's agency
	 */
	record Demo(String username, String displayName, Role role, List<String> view, List<String> capture,
			Agency agency) {

		Demo(String username, String displayName, Role role, List<String> view, List<String> capture) {
			this(username, displayName, role, view, capture, null);
		}

	}

}
