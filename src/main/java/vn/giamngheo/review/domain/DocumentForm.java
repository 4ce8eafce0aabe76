package vn.giamngheo.review.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The written form of an administrative document's parts, Nghị định 30/2020/NĐ-CP Phụ lục
 * I (ADR 0024): the number (below 10 with a leading zero), the date (day below 10 and
 * months 1 and 2 with a leading zero), the place name (the unit's own name, in full when
 * that name is a number), unit names inside sentences ("xã Tây Giang": the common noun in
 * lower case, Phụ lục II) and an address that names each unit once.
 */
public final class DocumentForm {

	private static final Pattern NUMBERED = Pattern.compile("\\d+");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private DocumentForm() {
	}

	/** The number of a document: "07", "12", "123". */
	public static String number(int seq) {
		return (seq < 10) ? "0" + seq : String.valueOf(seq);
	}

	/**
	 * The number and symbol of a document numbered per issuer and year:
	 * "07/2026/GCN-HN.HCN".
	 */
	public static String numberAndSymbol(int seq, int year, String symbol) {
		return number(seq) + "/" + year + "/" + symbol;
	}

	/**
	 * A number and symbol whose number is left blank: it is given when the document is
	 * signed (Nghị định 30/2020/NĐ-CP Art. 15).
	 */
	public static String blankNumber(String symbol) {
		return "\u00a0".repeat(8) + "/" + symbol;
	}

	/** The day of the date line: "06", "15". */
	public static String day(LocalDate date) {
		return number(date.getDayOfMonth());
	}

	/** The month of the date line: "01", "02", then "3" … "12". */
	public static String month(LocalDate date) {
		int m = date.getMonthValue();
		return (m <= 2) ? "0" + m : String.valueOf(m);
	}

	/**
	 * The place name of the date line: the unit's own name ("Tây Giang"), its full name
	 * when the name is a number ("Phường 5").
	 */
	public static String place(String fullName, String shortName) {
		if (shortName == null || shortName.isBlank() || NUMBERED.matcher(shortName.strip()).matches()) {
			return fullName;
		}
		return shortName.strip();
	}

	/**
	 * A unit's name inside a sentence: the common noun in lower case ("xã Tây Giang",
	 * "thành phố Đà Nẵng"), kept when the name is a number ("Phường 5").
	 */
	public static String inText(String fullName, String shortName) {
		if (fullName == null || shortName == null || NUMBERED.matcher(shortName.strip()).matches()
				|| !fullName.endsWith(shortName) || fullName.length() == shortName.length()) {
			return fullName;
		}
		String type = fullName.substring(0, fullName.length() - shortName.length());
		return type.toLowerCase(VIETNAMESE) + shortName;
	}

	/**
	 * The Vietnamese citation of a legal act from a standard's bilingual legal basis
	 * ("Nghị định 07/2021/NĐ-CP ngày 27/01/2021, Điều 3 / Decree …"), without the notes
	 * in parentheses.
	 */
	public static String citation(String legalBasis) {
		if (legalBasis == null) {
			return null;
		}
		String vi = legalBasis.split(" / ", 2)[0];
		int note = vi.indexOf(" (");
		return ((note > 0) ? vi.substring(0, note) : vi).strip();
	}

	/** Upper case for the header lines ("XÃ TÂY GIANG"). */
	public static String upper(String text) {
		return (text == null) ? null : text.toUpperCase(VIETNAMESE);
	}

	/**
	 * An address: the parts of the typed detail that do not repeat a unit name, then the
	 * units from the village up. {@code known} holds every name the detail might repeat
	 * (the units as recorded and as on the document's date, full and short names); the
	 * comparison ignores case and marks.
	 * @param detail the typed address detail (house, street, hamlet), may be empty
	 * @param known unit names a detail part may repeat
	 * @param units the units to name, village first
	 * @return the address, each unit once
	 */
	public static String address(String detail, List<String> known, List<String> units) {
		Set<String> repeated = new LinkedHashSet<>();
		known.stream().filter((n) -> n != null && !n.isBlank()).forEach((n) -> repeated.add(TextNormalizer.fold(n)));
		units.stream().filter((n) -> n != null && !n.isBlank()).forEach((n) -> repeated.add(TextNormalizer.fold(n)));
		List<String> parts = new ArrayList<>();
		if (detail != null) {
			for (String part : detail.split("[,;]")) {
				String p = part.strip();
				if (!p.isEmpty() && !repeated.contains(TextNormalizer.fold(p)) && !parts.contains(p)) {
					parts.add(p);
				}
			}
		}
		units.stream().filter((n) -> n != null && !n.isBlank()).forEach(parts::add);
		return String.join(", ", parts);
	}

}
