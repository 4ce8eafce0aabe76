package vn.giamngheo.benefits.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.benefits.EligibilityLists;
import vn.giamngheo.benefits.EligibilityLists.EntryPage;
import vn.giamngheo.benefits.EligibilityLists.Filter;
import vn.giamngheo.benefits.EligibilityLists.Run;
import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The eligibility lists (ADR 0035): a commune's entries for a policy with the reasons in
 * the request's language, the runs, and a run on demand.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Danh sách đủ điều kiện hưởng hỗ trợ / Eligibility lists")
public class EligibilityApiController {

	static final int MAX_SIZE = 500;

	private final EligibilityLists lists;

	private final SupportPolicies policies;

	private final MessageSource messages;

	public EligibilityApiController(EligibilityLists lists, SupportPolicies policies, MessageSource messages) {
		this.lists = lists;
		this.policies = policies;
		this.messages = messages;
	}

	/**
	 * An entry.
	 *
	 * @param householdId the household
	 * @param householdCode its code
	 * @param headName its head
	 * @param village its village
	 * @param memberId the member (member policies), or null
	 * @param memberName the member's name, or null
	 * @param age the member's age on the list's day, or null
	 * @param policy the policy's code
	 * @param policyName the policy's name
	 * @param eligibleFrom first day on the list
	 * @param eligibleTo last day (ended entries), or null
	 * @param windowEnd the last day the rule allows, or null
	 * @param reasons why, in words
	 * @param change {@code NEW} (the last run put it on the list), {@code ENDED} (the
	 * last run ended it) or {@code SAME}
	 * @param endReason why it ended, in words, or null
	 */
	public record EntryJson(UUID householdId, String householdCode, String headName, String village, UUID memberId,
			String memberName, Integer age, String policy, String policyName, LocalDate eligibleFrom,
			LocalDate eligibleTo, LocalDate windowEnd, List<String> reasons, String change, String endReason) {
	}

	/**
	 * A page of entries.
	 *
	 * @param items the entries
	 * @param total how many match
	 */
	public record PageJson(List<EntryJson> items, long total) {
	}

	@GetMapping("/eligibility")
	@Operation(summary = "Danh sách hộ / người đủ điều kiện của một chính sách tại một xã, kèm lý do, mới / hết"
			+ " so với lần lập trước")
	public PageJson entries(@RequestParam(required = false) String unit, @RequestParam(required = false) Long unitId,
			@RequestParam String policy, @RequestParam(required = false) String change,
			@RequestParam(required = false) Long villageId, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Locale locale) {
		long commune = this.lists.unitId(unit, unitId);
		EntryPage p = this.lists.entries(new Filter(commune, policy, change, villageId, name), page,
				Math.max(1, Math.min(size, MAX_SIZE)), locale);
		String policyName = policyName(policy, locale);
		return new PageJson(p.items()
			.stream()
			.map((e) -> new EntryJson(e.householdId(), e.householdCode(), e.headName(), e.village(), e.memberId(),
					e.memberName(), e.age(), e.policyCode(), policyName, e.since(), e.until(), e.windowEnd(),
					e.reasons(), e.ended() ? "ENDED" : (e.isNew() ? "NEW" : "SAME"), e.endReason()))
			.toList(), p.total());
	}

	private String policyName(String code, Locale locale) {
		var p = this.policies.require(code);
		return ("en".equals(locale.getLanguage()) && p.nameEn() != null) ? p.nameEn() : p.name();
	}

	/**
	 * A run.
	 *
	 * @param id the run
	 * @param communeId its commune
	 * @param commune the commune's name
	 * @param asOf the day judged
	 * @param trigger why it ran ({@code RECOGNITION}, {@code ON_DEMAND}, {@code DEMO},
	 * {@code POLICY_FILE})
	 * @param triggerText the same in words
	 * @param requestedBy who asked (null: the system, after a recognition)
	 * @param finishedAt when it finished
	 * @param entries entries on the lists after it
	 * @param started entries it put on the lists
	 * @param ended entries it ended
	 */
	public record RunJson(UUID id, long communeId, String commune, LocalDate asOf, String trigger, String triggerText,
			String requestedBy, OffsetDateTime finishedAt, int entries, int started, int ended) {
	}

	RunJson json(Run r, Locale locale) {
		return new RunJson(r.id(), r.communeId(), r.commune(), r.asOf(), r.trigger(),
				this.messages.getMessage("support.list.trigger." + r.trigger(), null, locale), r.requestedBy(),
				r.finishedAt(), r.entries(), r.started(), r.ended());
	}

	@GetMapping("/eligibility-runs")
	@Operation(summary = "Các lần lập danh sách đủ điều kiện của các xã thuộc một đơn vị, mới nhất trước")
	public List<RunJson> runs(@RequestParam(required = false) String unit, @RequestParam(required = false) Long unitId,
			Locale locale) {
		return this.lists.runs(this.lists.unitId(unit, unitId)).stream().map((r) -> json(r, locale)).toList();
	}

	/**
	 * What to generate: a unit by its key ({@code 20464@2024}) or its id.
	 *
	 * @param unit the unit's key
	 * @param unitId the unit's id
	 */
	public record RunRequest(String unit, Long unitId) {
	}

	/**
	 * What a run on demand did, per commune.
	 *
	 * @param runId the run
	 * @param communeId the commune
	 * @param asOf the day judged
	 * @param entries entries on the lists after it
	 * @param started entries it put on the lists
	 * @param ended entries it ended
	 */
	public record SummaryJson(UUID runId, long communeId, LocalDate asOf, int entries, int started, int ended) {
	}

	@Requires(Permission.SUPPORT_LISTS)
	@PostMapping("/eligibility-runs")
	@Operation(summary = "Lập lại danh sách đủ điều kiện hôm nay: một xã, hoặc mọi xã của một huyện / tỉnh")
	public List<SummaryJson> generate(@RequestBody RunRequest request) {
		return this.lists.request(this.lists.unitId(request.unit(), request.unitId()))
			.stream()
			.map((s) -> new SummaryJson(s.runId(), s.communeId(), s.asOf(), s.entries(), s.started(), s.ended()))
			.toList();
	}

}
