package vn.giamngheo.standards.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.domain.AreaThreshold;
import vn.giamngheo.standards.domain.Classification;
import vn.giamngheo.standards.domain.Indicator;
import vn.giamngheo.standards.domain.InvalidFactsException;
import vn.giamngheo.standards.domain.PovertyClassifier;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.Text;
import vn.giamngheo.standards.domain.Threshold;
import vn.giamngheo.standards.domain.Way;
import vn.giamngheo.standards.domain.WayRules;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

import static vn.giamngheo.shared.ClockConfiguration.VIETNAM;

/**
 * Read the poverty standards and classify a household under one of them.
 */
@RestController
@RequestMapping("/api/v1/standards")
public class StandardsController {

	private final StandardCatalogue catalogue;

	private final Clock clock;

	public StandardsController(StandardCatalogue catalogue, ObjectProvider<Clock> clock) {
		this.catalogue = catalogue;
		this.clock = clock.getIfAvailable(() -> Clock.system(VIETNAM));
	}

	/** A standard as listed: period, citations and every threshold. */
	public record StandardView(String key, int version, Text name, LocalDate from, LocalDate to, String legalBasis,
			boolean verified, String base, String province, boolean example, Text notes, List<Threshold> thresholds) {

		static StandardView of(Standard s) {
			List<Threshold> thresholds = new ArrayList<>(s.parameters().values());
			for (Way way : Way.values()) {
				WayRules rules = s.rules(way);
				if (rules == null) {
					continue;
				}
				for (AreaThreshold a : new AreaThreshold[] { rules.povertyLine(), rules.nearPovertyLine(),
						rules.middleCeiling() }) {
					if (a != null) {
						thresholds.add(a.rural());
						thresholds.add(a.urban());
					}
				}
				thresholds.add(rules.deprivationCutoff());
				if (rules.pointsPerDeprivation() != null) {
					thresholds.add(rules.pointsPerDeprivation());
				}
				thresholds.add(rules.incomeOnlyPoor());
			}
			thresholds.sort((x, y) -> x.name().compareTo(y.name()));
			return new StandardView(s.key(), s.version(), s.name(), s.from(), s.to(), s.legalBasis(), s.verified(),
					s.base(), s.provinceCode(), s.example(), s.notes(), List.copyOf(thresholds));
		}

	}

	/** An indicator as shown: the definition in words and its citation. */
	public record IndicatorView(String code, Text service, Text name, Text definition, String legalBasis,
			boolean verified) {

		static IndicatorView of(Indicator i, boolean standardVerified) {
			return new IndicatorView(i.code(), i.service(), i.name(), i.definition(), i.legalBasis(),
					i.verified() && standardVerified);
		}

	}

	/** One standard in full. */
	public record StandardDetail(StandardView standard, List<IndicatorView> indicators) {

	}

	/** The list of standards and provincial overlays. */
	public record StandardList(List<StandardView> items, List<StandardView> local) {

	}

	/**
	 * A classification request.
	 *
	 * @param household the household facts
	 * @param surveyDate survey date (ages are computed at it); today in Vietnam when
	 * absent
	 * @param province province code of a local standard overlay, or {@code null}
	 * @param way {@code INCOME} or {@code SCORE}; chosen from the facts when absent
	 */
	public record ClassificationRequest(HouseholdFactsBody household, LocalDate surveyDate, String province, Way way) {

	}

	@GetMapping
	public StandardList list() {
		return new StandardList(this.catalogue.standards().stream().map(StandardView::of).toList(),
				this.catalogue.localStandards().stream().map(StandardView::of).toList());
	}

	@GetMapping("/{key}")
	public StandardDetail get(@PathVariable String key, @RequestParam(required = false) String province) {
		Standard s = find(key, province);
		return new StandardDetail(StandardView.of(s),
				s.indicators().stream().map((i) -> IndicatorView.of(i, s.verified())).toList());
	}

	@Requires(Permission.READ)
	@PostMapping("/{key}/classifications")
	public Classification classify(@PathVariable String key, @RequestBody ClassificationRequest request) {
		if (request == null || request.household() == null) {
			throw new InvalidFactsException("MISSING_FACT", "household", "thiếu thông tin hộ / household is required");
		}
		Standard standard = find(key, request.province());
		LocalDate date = (request.surveyDate() != null) ? request.surveyDate() : LocalDate.now(this.clock);
		PovertyClassifier classifier = new PovertyClassifier(standard);
		HouseholdFacts facts = request.household().toFacts();
		return (request.way() != null) ? classifier.classify(facts, date, request.way())
				: classifier.classify(facts, date);
	}

	private Standard find(String key, String province) {
		return this.catalogue.find(key, province).orElseThrow(() -> new UnknownStandardException(key, province));
	}

	/** No standard (or no overlay of the province) under this key. */
	static final class UnknownStandardException extends RuntimeException {

		UnknownStandardException(String key, String province) {
			super("Không có chuẩn nghèo " + key + ((province != null) ? " cho tỉnh " + province : "")
					+ " / No poverty standard " + key + ((province != null) ? " for province " + province : ""));
		}

	}

}
