package vn.giamngheo.exits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.giamngheo.audit.AuditBatch;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.exits.domain.PlanRules;
import vn.giamngheo.exits.persistence.ExitPlanRepository;
import vn.giamngheo.exits.persistence.ExitPlanRepository.Linkable;
import vn.giamngheo.registry.AssessmentsChanged;
import vn.giamngheo.shared.work.PendingWork;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.shared.work.WorkHandler;

/**
 * Links the approved exit plans to the outcome of the review of their target year (ADR
 * 0040): every change of a commune's recognised classes ({@link AssessmentsChanged}: a
 * recognition, an in-year decision, an import, a voiding) marks the commune in
 * {@code pending_work} in its own transaction, and the work drainer then sets, for each
 * approved plan of the commune's households whose target year has a recognised class,
 * EXITED or NOT_EXITED with that year's class and assessment (and clears an outcome whose
 * assessment is gone). A run over unchanged classes changes nothing; a mark is removed
 * only by the run that covers it, so a restart loses none.
 */
@Component
public class ExitOutcomes implements WorkHandler {

	/** The kind of pending work. */
	public static final String PENDING = "EXIT_OUTCOMES";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private final ExitPlanRepository plans;

	private final PendingWork work;

	private final WorkDrainer drainer;

	private final AuditBatch audit;

	private final MessageSource messages;

	ExitOutcomes(ExitPlanRepository plans, PendingWork work, WorkDrainer drainer, AuditBatch audit,
			MessageSource messages) {
		this.plans = plans;
		this.work = work;
		this.drainer = drainer;
		this.audit = audit;
		this.messages = messages;
	}

	/** In the transaction that changed the classes: it commits the mark or nothing. */
	@EventListener
	void changed(AssessmentsChanged event) {
		this.work.mark(PENDING, String.valueOf(event.communeId()), event.communeId());
	}

	@Override
	public String kind() {
		return PENDING;
	}

	@Override
	public void work(List<String> communes) {
		for (String commune : communes) {
			link(Long.parseLong(commune));
		}
	}

	/**
	 * Links the outcomes of one commune's approved plans.
	 * @return how many plans changed
	 */
	int link(long communeId) {
		List<AuditEntry> entries = new ArrayList<>();
		for (Linkable p : this.plans.linkable(communeId)) {
			String outcome = (p.assessmentId() != null) ? PlanRules.outcome(p.fromClass(), p.classification()) : null;
			if (Objects.equals(outcome, p.outcome()) && Objects.equals(p.assessmentId(), p.outcomeAssessmentId())
					&& Objects.equals(p.classification(), p.outcomeClass())) {
				continue;
			}
			this.plans.link(p.id(), outcome, (outcome != null) ? p.targetYear() : null,
					(outcome != null) ? p.classification() : null, p.assessmentId());
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("outcome", name(p.outcome()));
			before.put("outcomeClass", (p.outcomeClass() != null) ? words("class." + p.outcomeClass()) : null);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("outcome", name(outcome));
			after.put("outcomeClass", (outcome != null) ? words("class." + p.classification()) : null);
			entries.add(new AuditEntry("system", "LINK_OUTCOME", ExitPlans.ENTITY, p.id().toString(), p.householdId(),
					p.unitPath(), p.provinceCode(), AuditTrail.diff(before, after), null));
		}
		if (!entries.isEmpty()) {
			this.audit.recordAll(entries);
		}
		return entries.size();
	}

	/**
	 * Links the marked communes whose run is due now, on the calling thread.
	 * @return what was done
	 */
	public WorkDrainer.Drained linkPending() {
		return this.drainer.drainNow(PENDING);
	}

	private String name(String outcome) {
		return words("exits.plan.outcome." + ((outcome != null) ? outcome : "PENDING"));
	}

	private String words(String key) {
		return this.messages.getMessage(key, null, key, VIETNAMESE);
	}

}
