package vn.giamngheo.analytics.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.giamngheo.analytics.WhatIfs;
import vn.giamngheo.analytics.WhatIfs.View;
import vn.giamngheo.analytics.persistence.WhatIfRepository.ChangeRow;
import vn.giamngheo.analytics.persistence.WhatIfRepository.CommuneRow;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * What-if before the review (ADR 0033): start one (a national standard, an overlay, or a
 * draft YAML file), follow its progress, read its figures by commune and the households
 * that would change class, download it as XLSX.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Thử phân loại lại / What-if")
public class WhatIfApiController {

	private final WhatIfs whatIfs;

	private final MessageSource messages;

	public WhatIfApiController(WhatIfs whatIfs, MessageSource messages) {
		this.whatIfs = whatIfs;
		this.messages = messages;
	}

	/**
	 * A run.
	 *
	 * @param id id
	 * @param unitId the unit
	 * @param unitName its name
	 * @param standard key of the standard (a draft: the key its file gives)
	 * @param standardName its name
	 * @param standardKind NATIONAL, LOCAL or DRAFT
	 * @param draftFile the draft's file name, or {@code null}
	 * @param status RUNNING, DONE or FAILED
	 * @param error why it failed, or {@code null}
	 * @param percent progress 0–100
	 * @param households households to classify
	 * @param householdsDone classified so far
	 * @param changed households whose class would change
	 * @param changesKept of them, those listed
	 * @param unclassified households that could not be classified again (no income, no
	 * usable score)
	 * @param notAssessed indicators of the standard no survey assessed (counted as not
	 * deprived)
	 * @param millis how long it took
	 * @param createdAt when it started
	 * @param createdBy who started it
	 */
	public record RunJson(UUID id, long unitId, String unitName, String standard, String standardName,
			String standardKind, String draftFile, String status, String error, int percent, int households,
			int householdsDone, int changed, int changesKept, int unclassified, List<String> notAssessed,
			Integer millis, OffsetDateTime createdAt, String createdBy) {
	}

	RunJson json(View v, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return new RunJson(v.run().id(), v.run().unitId(), v.unitName(), v.run().standardKey(),
				english ? v.run().standardNameEn() : v.run().standardName(), v.run().kind(), v.run().draftFile(),
				v.status(), (v.error() != null) ? this.messages.getMessage(v.error(), null, locale) : null, v.percent(),
				v.run().total(), v.run().done(), v.run().changed(), v.kept(), v.run().unclassified(),
				v.run().notAssessed().stream().map((n) -> name(n, english)).toList(), v.run().millis(),
				v.run().createdAt(), v.run().createdBy());
	}

	/** A stored "vi|en" name in a language. */
	static String name(String stored, boolean english) {
		String[] parts = stored.split("\\|", 2);
		return (english && parts.length > 1) ? parts[1] : parts[0];
	}

	@Requires(Permission.RUN_WHATIF)
	@PostMapping(path = "/whatifs", consumes = { "multipart/form-data", "application/x-www-form-urlencoded" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Thử phân loại lại các hộ của một đơn vị theo chuẩn khác (chuẩn quốc gia, chuẩn địa phương"
			+ " hoặc tệp YAML dự thảo), chạy nền; không ghi gì vào sổ hộ")
	public RunJson start(@RequestParam(name = "unitId", required = false) Long unitId,
			@RequestParam(name = "standard", required = false) String standard,
			@RequestPart(name = "draft", required = false) MultipartFile draft, Locale locale) {
		View view = this.whatIfs.run(this.whatIfs.start(unitId, standard, draft(draft)).id());
		return json(view, locale);
	}

	static WhatIfs.Draft draft(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new WhatIfs.Draft(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatifs/{id}")
	@Operation(summary = "Một lần thử: trạng thái, tiến độ, số hộ thay đổi")
	public RunJson get(@PathVariable UUID id, Locale locale) {
		return json(this.whatIfs.run(id), locale);
	}

	/**
	 * Figures of a commune (or the total: {@code communeId} 0).
	 *
	 * @param communeId commune
	 * @param name its name
	 * @param households households with an assessment
	 * @param poorNow poor now
	 * @param poorThen poor under the other standard
	 * @param nearPoorNow near-poor now
	 * @param nearPoorThen near-poor under the other standard
	 * @param poorRateNow poor rate now, percent
	 * @param poorRateThen poor rate under the other standard, percent
	 * @param nearPoorRateNow near-poor rate now, percent
	 * @param nearPoorRateThen near-poor rate under the other standard, percent
	 * @param unclassified households not classified again
	 */
	public record CommuneJson(long communeId, String name, int households, int poorNow, int poorThen, int nearPoorNow,
			int nearPoorThen, Double poorRateNow, Double poorRateThen, Double nearPoorRateNow, Double nearPoorRateThen,
			int unclassified) {

		static CommuneJson of(CommuneRow r) {
			return new CommuneJson(r.communeId(), r.name(), r.households(), r.poorNow(), r.poorThen(), r.nearPoorNow(),
					r.nearPoorThen(), rate(r.poorNow(), r.households()), rate(r.poorThen(), r.households()),
					rate(r.nearPoorNow(), r.households()), rate(r.nearPoorThen(), r.households()), r.unclassified());
		}

	}

	static Double rate(int count, int households) {
		return (households == 0) ? null : Math.round(count * 10000.0 / households) / 100.0;
	}

	/**
	 * The figures of a run.
	 *
	 * @param communes by commune
	 * @param total their sum
	 * @param policies support policies whose coverage would change: not counted by a
	 * what-if yet (always empty)
	 * @param policiesNote what that means, in words
	 */
	public record FiguresJson(List<CommuneJson> communes, CommuneJson total, List<Object> policies,
			String policiesNote) {
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatifs/{id}/communes")
	@Operation(summary = "Số hộ nghèo, cận nghèo và tỷ lệ theo xã: hiện nay và theo chuẩn thử")
	public FiguresJson communes(@PathVariable UUID id, Locale locale) {
		WhatIfs.Figures f = this.whatIfs.figures(id);
		return new FiguresJson(f.communes().stream().map(CommuneJson::of).toList(), CommuneJson.of(f.total()),
				List.of(), this.messages.getMessage("whatif.policies.none", null, locale));
	}

	/**
	 * A household whose class would change.
	 *
	 * @param householdId household
	 * @param code its code
	 * @param headName head of household
	 * @param commune its commune
	 * @param year year of the assessment re-classified
	 * @param classNow class now (POOR, NEAR_POOR or OTHER)
	 * @param classThen class under the other standard
	 * @param reason why, in words
	 */
	public record ChangeJson(UUID householdId, String code, String headName, String commune, int year, String classNow,
			String classThen, String reason) {
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatifs/{id}/changes")
	@Operation(summary = "Các hộ sẽ đổi loại, với lý do (trang 200 hộ)")
	public List<ChangeJson> changes(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return this.whatIfs.changes(id, page, 200)
			.stream()
			.map((ChangeRow c) -> new ChangeJson(c.householdId(), c.code(), c.headName(), c.commune(), c.year(),
					c.classNow(), c.classThen(), english ? c.reasonEn() : c.reason()))
			.toList();
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatifs/{id}/workbook")
	@Operation(summary = "Tải kết quả thử dưới dạng XLSX (theo xã, và các hộ đổi loại)")
	public void workbook(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
		WhatIfPageController.download(this.whatIfs, id, locale, this.messages, response);
	}

}
