package vn.giamngheo.registry.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.giamngheo.audit.AuditTrail.AuditEvent;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.Member;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.PersonalData;
import vn.giamngheo.shared.scope.PersonalData.Kind;

/** Shapes registry data for a viewer: citizen IDs and phones masked according to role. */
@Component
public class RegistryViews {

	private final CurrentActor actor;

	public RegistryViews(CurrentActor actor) {
		this.actor = actor;
	}

	public Household masked(Household household) {
		Actor current = this.actor.get();
		return household.withPhone(PersonalData.mask(current, household.phone(), Kind.PHONE, household.unitPath()));
	}

	public List<Member> masked(Household household, List<Member> members) {
		Actor current = this.actor.get();
		return members.stream()
			.map((m) -> m.withMasked(PersonalData.mask(current, m.cccd(), Kind.CCCD, household.unitPath()),
					PersonalData.mask(current, m.phone(), Kind.PHONE, household.unitPath())))
			.toList();
	}

	public List<AuditEvent> maskedChanges(Household household, List<AuditEvent> events) {
		Actor current = this.actor.get();
		return events.stream().map((e) -> {
			Map<String, Change> changes = new LinkedHashMap<>();
			e.changes().forEach((field, change) -> {
				Kind kind = Kind.ofField(field);
				changes.put(field, (kind == null) ? change : new Change(mask(current, change.old(), kind, household),
						mask(current, change.neu(), kind, household)));
			});
			return new AuditEvent(e.id(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), changes,
					vn.giamngheo.audit.AuditSearch.reasonAsShown(current, e.action(), e.reason(),
							household.unitPath()));
		}).toList();
	}

	private static Object mask(Actor actor, Object value, Kind kind, Household household) {
		return (value == null) ? null : PersonalData.mask(actor, value.toString(), kind, household.unitPath());
	}

}
