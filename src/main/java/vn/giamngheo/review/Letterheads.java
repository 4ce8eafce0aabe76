package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.geography.UnitsOnDate;
import vn.giamngheo.review.Letterhead.Issuer;
import vn.giamngheo.review.domain.DocumentForm;

/**
 * Heads of the review's documents and the addresses on them, with units named as they
 * were on each document's date (ADR 0024).
 */
@Component
public class Letterheads {

	private final Geography geography;

	Letterheads(Geography geography) {
		this.geography = geography;
	}

	/** A document of the People's Committee of a commune or province. */
	public Letterhead committee(long unitId, LocalDate date, String number) {
		UnitsOnDate units = this.geography.onDate(unitId, date);
		Unit body = units.body();
		return new Letterhead(Issuer.COMMITTEE, null, DocumentForm.upper(body.name()), number,
				DocumentForm.place(body.name(), body.shortName()), date, units);
	}

	/**
	 * A document of a village (the minutes of its meeting), without number and date line.
	 */
	Letterhead village(long villageId, LocalDate date) {
		UnitsOnDate units = this.geography.onDate(villageId, date);
		return new Letterhead(Issuer.VILLAGE, DocumentForm.upper(units.commune().name()),
				DocumentForm.upper(units.village().name()), null, null, date, units);
	}

	/** The issuing unit on a date: the body whose numbers a document takes. */
	long issuer(long unitId, LocalDate date) {
		return this.geography.onDate(unitId, date).body().id();
	}

	/**
	 * Addresses of households on a date: the typed detail without the unit names it
	 * repeats, then village, commune, district (before 01/07/2025) and province as on the
	 * date. The units of each village are looked up once.
	 */
	Addresses addresses(LocalDate date) {
		return new Addresses(date);
	}

	/** Addresses on one date. */
	final class Addresses {

		private final LocalDate date;

		private final Map<Long, VillageNames> villages = new HashMap<>();

		private Addresses(LocalDate date) {
			this.date = date;
		}

		/** The address of a household of the village with this typed detail. */
		String of(String detail, long villageId) {
			VillageNames names = this.villages.computeIfAbsent(villageId, this::names);
			return DocumentForm.address(detail, names.known(), names.named());
		}

		private VillageNames names(long villageId) {
			UnitsOnDate units = Letterheads.this.geography.onDate(villageId, this.date);
			List<String> known = new ArrayList<>();
			for (Unit u : Letterheads.this.geography.ancestors(units.village())) {
				known.add(u.name());
				known.add(u.shortName());
			}
			known.add(units.village().shortName());
			List<String> named = new ArrayList<>();
			named.add(units.village().name());
			for (Unit u : new Unit[] { units.commune(), units.district(), units.province() }) {
				if (u != null) {
					known.add(u.name());
					known.add(u.shortName());
					named.add(DocumentForm.inText(u.name(), u.shortName()));
				}
			}
			return new VillageNames(known, named);
		}

	}

	/**
	 * The names of a village's units for its addresses.
	 *
	 * @param known every name a typed detail might repeat (as recorded and as on the
	 * date, full and short)
	 * @param named the units to name, village first, as on the date
	 */
	private record VillageNames(List<String> known, List<String> named) {
	}

}
