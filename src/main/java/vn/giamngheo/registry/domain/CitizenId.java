package vn.giamngheo.registry.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The 12-digit citizen ID (CCCD): 3 digits province of birth, 1 digit for sex and century
 * (0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, …, per Circular
 * 07/2016/TT-BCA Art. 7), 2 digits year of birth, 6 digits serial.
 */
public final class CitizenId {

	/** Province-of-birth codes in use (the 63 pre-2025 province codes, 3 digits). */
	static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014", "015",
			"017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037",
			"038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062",
			"064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086",
			"087", "089", "091", "092", "093", "094", "095", "096");

	private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{12}");

	private CitizenId() {
	}

	/**
	 * Checks a citizen ID against the member's sex and date of birth.
	 * @return the message key of the problem, or empty when valid
	 */
	public static Optional<String> problem(String cccd, Sex sex, LocalDate dateOfBirth) {
		if (cccd == null || cccd.isEmpty()) {
			return Optional.empty();
		}
		if (!DIGITS.matcher(cccd).matches()) {
			return Optional.of("registry.cccd.format");
		}
		if (!PROVINCES.contains(cccd.substring(0, 3))) {
			return Optional.of("registry.cccd.province");
		}
		if (dateOfBirth != null && sex != null) {
			int digit = cccd.charAt(3) - '0';
			int century = dateOfBirth.getYear() / 100;
			int expectedBase = switch (century) {
				case 19 -> 0;
				case 20 -> 2;
				case 21 -> 4;
				case 22 -> 6;
				case 23 -> 8;
				default -> -1;
			};
			int expected = expectedBase + (sex == Sex.FEMALE ? 1 : 0);
			if (expectedBase < 0 || digit != expected) {
				return Optional.of("registry.cccd.sex-century");
			}
			int yy = Integer.parseInt(cccd.substring(4, 6));
			if (yy != dateOfBirth.getYear() % 100) {
				return Optional.of("registry.cccd.birth-year");
			}
		}
		return Optional.empty();
	}

}
