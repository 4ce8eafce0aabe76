package vn.giamngheo.programmes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.programmes.OutputFigure.How;
import vn.giamngheo.programmes.persistence.OutputCounts;
import vn.giamngheo.programmes.persistence.OutputCounts.Criterion;
import vn.giamngheo.programmes.persistence.OutputCounts.Default;
import vn.giamngheo.programmes.persistence.OutputCounts.Entered;
import vn.giamngheo.programmes.persistence.OutputCounts.LedgerCount;
import vn.giamngheo.programmes.persistence.OutputCounts.ModelCount;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * Outputs of a programme counted from what was done (support records and models linked to
 * its projects) or, where they cannot be counted, entered and approved (ADR 0047).
 */
@Service
public class ProgrammeOutputs {

	private final ProgrammeCatalogue catalogue;

	private final OutputCounts counts;

	private final Geography geography;

	private final CurrentActor actor;

	ProgrammeOutputs(ProgrammeCatalogue catalogue, OutputCounts counts, Geography geography, CurrentActor actor) {
		this.catalogue = catalogue;
		this.counts = counts;
		this.geography = geography;
		this.actor = actor;
	}

	/**
	 * Every output of every node of a programme for a unit (its whole subtree) and a
	 * year. Needs the view scope of the unit (404 otherwise); an unknown programme is a
	 * 404.
	 * @param programme programme code
	 * @param unitId the unit
	 * @param year the year
	 * @return the figures by node and output, in catalogue order
	 */
	@Transactional(readOnly = true)
	public Map<OutputKey, OutputFigure> outputs(String programme, long unitId, int year) {
		Programme p = this.catalogue.programme(programme)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "prog.cat.unknown", programme));
		Unit unit = this.geography.unit(unitId);
		this.actor.requireView(unit.path());
		List<OutputKey> keys = new ArrayList<>();
		List<OutputDef> defs = new ArrayList<>();
		for (ProgrammeNode n : ProgrammeCatalogue.flatten(p)) {
			for (OutputDef o : n.outputs()) {
				keys.add(new OutputKey(n.code(), o.code()));
				defs.add(o);
			}
		}
		List<Integer> ledgerAt = new ArrayList<>();
		List<Criterion> ledger = new ArrayList<>();
		List<Integer> modelsAt = new ArrayList<>();
		List<String> models = new ArrayList<>();
		for (int i = 0; i < defs.size(); i++) {
			OutputDef.Counting c = defs.get(i).counting();
			if (c == null) {
				continue;
			}
			if ("LEDGER".equals(c.from())) {
				ledgerAt.add(i);
				ledger.add(new Criterion(keys.get(i).node(), c.policies(), c.amountFrom(), c.amountBelow()));
			}
			else {
				modelsAt.add(i);
				models.add(keys.get(i).node());
			}
		}
		List<Default> defaults = this.catalogue.policyDefaults()
			.stream()
			.map((d) -> new Default(d.policy(), d.project().programme(), d.project().node(), d.from(), d.to()))
			.toList();
		Map<Integer, LedgerCount> counted = this.counts.ledger(programme, unit.path(), year, defaults, ledger);
		Map<Integer, ModelCount> modelled = this.counts.models(programme, unit.path(), year, models);
		Map<List<String>, Entered> entered = this.counts.entered(programme, unit.id(), unit.path(), year);
		long[] values = new long[defs.size()];
		for (int j = 0; j < ledgerAt.size(); j++) {
			LedgerCount lc = counted.getOrDefault(j, new LedgerCount(0, 0, 0));
			values[ledgerAt.get(j)] = switch (defs.get(ledgerAt.get(j)).counting().count()) {
				case "HOUSEHOLDS" -> lc.households();
				case "MEMBERS" -> lc.members();
				default -> lc.records();
			};
		}
		for (int j = 0; j < modelsAt.size(); j++) {
			ModelCount mc = modelled.getOrDefault(j, new ModelCount(0, 0));
			values[modelsAt.get(j)] = "MODELS".equals(defs.get(modelsAt.get(j)).counting().count()) ? mc.models()
					: mc.participants();
		}
		Map<OutputKey, OutputFigure> out = new LinkedHashMap<>();
		for (int i = 0; i < defs.size(); i++) {
			OutputKey key = keys.get(i);
			Entered e = entered.getOrDefault(List.of(key.node(), key.output()), new Entered(null, null, null, 0));
			Long target = (e.ownTarget() != null) ? e.ownTarget() : e.subtreeTarget();
			if (defs.get(i).counted()) {
				out.put(key, new OutputFigure(key, values[i], How.COUNTED, target, e.pending()));
			}
			else if (e.actual() != null) {
				out.put(key, new OutputFigure(key, e.actual(), How.ENTERED, target, e.pending()));
			}
			else {
				out.put(key, new OutputFigure(key, 0, How.NONE, target, e.pending()));
			}
		}
		return out;
	}

}
