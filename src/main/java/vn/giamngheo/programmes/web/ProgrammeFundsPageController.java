package vn.giamngheo.programmes.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.programmes.FundEntry;
import vn.giamngheo.programmes.FundLine;
import vn.giamngheo.programmes.FundTotals;
import vn.giamngheo.programmes.Money;
import vn.giamngheo.programmes.OutputDef;
import vn.giamngheo.programmes.OutputEntry;
import vn.giamngheo.programmes.Programme;
import vn.giamngheo.programmes.ProgrammeCatalogue;
import vn.giamngheo.programmes.ProgrammeFunds;
import vn.giamngheo.programmes.ProgrammeNode;
import vn.giamngheo.programmes.domain.NodeNumbers;
import vn.giamngheo.programmes.domain.Sources;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The funds pages (ADR 0048): a unit and year's entry form of fund lines (project ×
 * source, or a purpose outside the programmes) and of output targets and entered outputs,
 * with the rolled-up totals by project and by source; the lines waiting for the user's
 * approval.
 */
@Controller
public class ProgrammeFundsPageController {

	/** Blank lines a form offers under the stored ones. */
	static final int BLANK_LINES = 5;

	private final ProgrammeFunds funds;

	private final ProgrammeCatalogue catalogue;

	private final Geography geography;

	private final Clock clock;

	private final MessageSource messages;

	public ProgrammeFundsPageController(ProgrammeFunds funds, ProgrammeCatalogue catalogue, Geography geography,
			Clock clock, MessageSource messages) {
		this.messages = messages;
		this.funds = funds;
		this.catalogue = catalogue;
		this.geography = geography;
		this.clock = clock;
	}

	/**
	 * A choice of a select.
	 *
	 * @param value the value posted
	 * @param label what the user reads
	 */
	public record Choice(String value, String label) {
	}

	/**
	 * A row of a totals table.
	 *
	 * @param label what the row is (a project's or a source's name)
	 * @param money its money
	 * @param group a group's row (bold), rather than one of its members
	 */
	public record TotalRow(String label, Money money, boolean group) {
	}

	/**
	 * The totals of a programme (or of the resources outside them) for the page.
	 *
	 * @param title the programme's name
	 * @param byProject rows by project
	 * @param bySource rows by source group and source
	 * @param total the whole
	 * @param pending lines waiting for approval
	 */
	public record TotalsView(String title, List<TotalRow> byProject, List<TotalRow> bySource, Money total,
			int pending) {
	}

	@GetMapping("/programmes/funds")
	String page(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		int y = (year != null) ? year : LocalDate.now(this.clock).getYear();
		model.addAttribute("year", y);
		if (unit != null) {
			fill(model, unit, y, locale);
		}
		return "programmes/funds";
	}

	private void fill(Model model, long unitId, int year, Locale locale) {
		List<FundLine> lines = this.funds.lines(unitId, year);
		Unit unit = this.geography.unit(unitId);
		model.addAttribute("unit", unit);
		model.addAttribute("lines", lines);
		model.addAttribute("outputs", this.funds.outputLines(unitId, year));
		List<Programme> inForce = this.catalogue.inForce(year);
		List<TotalsView> totals = new ArrayList<>();
		for (Programme p : inForce) {
			totals.add(view(p, this.funds.totals(p.code(), unitId, year), locale));
		}
		totals.add(view(null, this.funds.totals(null, unitId, year), locale));
		model.addAttribute("totals", totals);
		model.addAttribute("nodes", nodeChoices(inForce, locale));
		model.addAttribute("outputChoices", outputChoices(inForce, locale));
		model.addAttribute("sources", Sources.ALL);
		model.addAttribute("blank", BLANK_LINES);
	}

	/** The label of a node: "3.1 — name" (the form's number, never the code). */
	private static String label(ProgrammeNode n, Locale locale) {
		String number = NodeNumbers.of(n.code());
		return number.isEmpty() ? n.name(locale) : number + " — " + n.name(locale);
	}

	/** The programme a choice belongs to, by its period ("2021–2025"). */
	private static String period(Programme p) {
		return p.periodFrom() + "–" + p.periodTo();
	}

	private static List<Choice> nodeChoices(List<Programme> inForce, Locale locale) {
		List<Choice> choices = new ArrayList<>();
		for (Programme p : inForce) {
			for (ProgrammeNode project : p.projects()) {
				choices.add(new Choice(p.code() + "|" + project.code(), period(p) + " · " + label(project, locale)));
				for (ProgrammeNode sub : project.children()) {
					if ("SUBPROJECT".equals(sub.level())) {
						choices.add(new Choice(p.code() + "|" + sub.code(), period(p) + " · " + label(sub, locale)));
					}
				}
			}
		}
		return choices;
	}

	private static List<Choice> outputChoices(List<Programme> inForce, Locale locale) {
		List<Choice> choices = new ArrayList<>();
		for (Programme p : inForce) {
			List<ProgrammeNode> todo = new ArrayList<>(p.projects());
			while (!todo.isEmpty()) {
				ProgrammeNode n = todo.remove(0);
				for (OutputDef o : n.outputs()) {
					choices.add(new Choice(p.code() + "|" + n.code() + "|" + o.code(),
							period(p) + " · " + label(n, locale) + " · " + o.name(locale) + " ("
									+ ("en".equals(locale.getLanguage()) ? o.unitEn() : o.unitVi()) + ")"
									+ (o.counted() ? " *" : "")));
				}
				todo.addAll(0, n.children());
			}
		}
		return choices;
	}

	private TotalsView view(Programme programme, FundTotals t, Locale locale) {
		List<TotalRow> byProject = new ArrayList<>();
		if (programme != null) {
			for (ProgrammeNode project : programme.projects()) {
				byProject.add(new TotalRow(label(project, locale), t.byNode().getOrDefault(project.code(), Money.ZERO),
						false));
			}
			// money of a node the catalogue no longer lists still shows, by its code
			t.byNode().forEach((node, money) -> {
				if (programme.projects().stream().noneMatch((p) -> p.code().equals(node))) {
					byProject.add(new TotalRow(node, money, false));
				}
			});
		}
		else {
			t.byNode().forEach((purpose, money) -> byProject.add(new TotalRow(purpose, money, false)));
		}
		List<TotalRow> bySource = new ArrayList<>();
		for (String group : Sources.GROUPS) {
			Money sum = Money.ZERO;
			List<TotalRow> members = new ArrayList<>();
			for (String source : Sources.ALL) {
				if (Sources.groupOf(source).equals(group)) {
					sum = sum.plus(t.bySource().get(source));
					members.add(new TotalRow("prog.fund.source." + source, t.bySource().get(source), false));
				}
			}
			bySource.add(new TotalRow("prog.fund.group." + group, sum, true));
			if (members.size() > 1) {
				bySource.addAll(members);
			}
		}
		return new TotalsView((programme != null) ? programme.name(locale) : null, byProject, bySource, t.total(),
				t.pending());
	}

	/** Reads line {@code i} of a posted form ({@code prefix[i].field}). */
	private static String field(Map<String, String> form, String prefix, int i, String field) {
		String v = form.get(prefix + "[" + i + "]." + field);
		return (v == null) ? "" : v;
	}

	private static Integer version(String text) {
		return text.isBlank() ? null : Integer.valueOf(text.strip());
	}

	/**
	 * The fund lines of a posted form: a blank new line is left out; the number of each
	 * line kept on the form (1-based) goes to {@code rows}.
	 */
	static List<FundEntry> fundEntries(Map<String, String> form, List<Integer> rows) {
		List<FundEntry> entries = new ArrayList<>();
		for (int i = 0; form.containsKey("l[" + i + "].source"); i++) {
			String node = field(form, "l", i, "node");
			String version = field(form, "l", i, "version");
			String planned = field(form, "l", i, "planned");
			String allocated = field(form, "l", i, "allocated");
			String disbursed = field(form, "l", i, "disbursed");
			if (version.isBlank() && (planned + allocated + disbursed).isBlank()) {
				continue;
			}
			int bar = node.indexOf('|');
			entries.add(
					new FundEntry((bar < 0) ? null : node.substring(0, bar), (bar < 0) ? null : node.substring(bar + 1),
							field(form, "l", i, "purpose"), field(form, "l", i, "source"), planned, allocated,
							disbursed, field(form, "l", i, "comment"), version(version)));
			rows.add(i + 1);
		}
		return entries;
	}

	/** The output lines of a posted form, as {@link #fundEntries}. */
	static List<OutputEntry> outputEntries(Map<String, String> form, List<Integer> rows) {
		List<OutputEntry> entries = new ArrayList<>();
		for (int i = 0; form.containsKey("o[" + i + "].key"); i++) {
			String key = field(form, "o", i, "key");
			String version = field(form, "o", i, "version");
			String value = field(form, "o", i, "value");
			if (version.isBlank() && value.isBlank()) {
				continue;
			}
			String[] parts = key.split("\\|", -1);
			entries.add(new OutputEntry((parts.length == 3) ? parts[0] : null, (parts.length == 3) ? parts[1] : null,
					(parts.length == 3) ? parts[2] : null, field(form, "o", i, "kind"), value,
					field(form, "o", i, "comment"), version(version)));
			rows.add(i + 1);
		}
		return entries;
	}

	@Requires(Permission.PROGRAMME_FUNDS)
	@PostMapping("/programmes/funds")
	String save(@RequestParam long unit, @RequestParam int year, @RequestParam Map<String, String> form, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		List<Integer> rows = new ArrayList<>();
		try {
			if ("outputs".equals(form.get("form"))) {
				this.funds.enterOutputs(unit, year, outputEntries(form, rows));
			}
			else {
				this.funds.enter(unit, year, fundEntries(form, rows));
			}
			redirect.addFlashAttribute("saved", true);
			return "redirect:/programmes/funds?unit=" + unit + "&year=" + year;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			response.setStatus(ex.code().status().value());
			model.addAttribute("problem", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
			model.addAttribute("problems", lineProblems(ex, rows, locale));
			model.addAttribute("badRows", badRows(ex, rows));
			model.addAttribute("form", form.get("form"));
			model.addAttribute("submitted", form);
			model.addAttribute("year", year);
			fill(model, unit, year, locale);
			return "programmes/funds";
		}
	}

	private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("lines\\[(\\d+)]\\..*");

	/** The form row (1-based) a problem's field names, or null. */
	private static Integer row(String field, List<Integer> rows) {
		java.util.regex.Matcher m = LINE.matcher(field);
		return m.matches() ? rows.get(Integer.parseInt(m.group(1))) : null;
	}

	/** Each problem of a refused form in words, with the row it is on ("Dòng 3: …"). */
	private List<String> lineProblems(DomainException ex, List<Integer> rows, Locale locale) {
		List<String> result = new ArrayList<>();
		for (DomainException.FieldProblem f : ex.fieldProblems()) {
			String text = this.messages.getMessage(f.messageKey(), f.args(), locale);
			Integer row = row(f.field(), rows);
			result.add((row == null) ? text
					: this.messages.getMessage("prog.fund.page.row", new Object[] { row, text }, locale));
		}
		return result;
	}

	/** The form rows (0-based) with a problem, to mark them. */
	private static java.util.Set<Integer> badRows(DomainException ex, List<Integer> rows) {
		java.util.Set<Integer> bad = new java.util.HashSet<>();
		for (DomainException.FieldProblem f : ex.fieldProblems()) {
			Integer row = row(f.field(), rows);
			if (row != null) {
				bad.add(row - 1);
			}
		}
		return bad;
	}

	@GetMapping("/programmes/funds/pending")
	String pending(Model model, java.security.Principal principal, Locale locale) {
		List<FundLine> lines = this.funds.pending();
		List<vn.giamngheo.programmes.OutputLine> outputs = this.funds.pendingOutputs();
		Map<String, String> names = new java.util.HashMap<>();
		for (FundLine l : lines) {
			if (l.programme() != null) {
				this.catalogue.node(l.programme(), l.node())
					.ifPresent(
							(n) -> names.put(l.programme() + "|" + l.node(), l.programme() + " · " + label(n, locale)));
			}
		}
		for (vn.giamngheo.programmes.OutputLine o : outputs) {
			this.catalogue.node(o.programme(), o.node())
				.flatMap((n) -> n.outputs().stream().filter((d) -> d.code().equals(o.output())).findFirst())
				.ifPresent((d) -> names.put(o.programme() + "|" + o.node() + "|" + o.output(),
						o.programme() + " · " + o.node() + " · " + d.name(locale)));
		}
		model.addAttribute("lines", lines);
		model.addAttribute("outputs", outputs);
		model.addAttribute("names", names);
		model.addAttribute("me", principal.getName());
		return "programmes/funds-pending";
	}

	@Requires(Permission.PROGRAMME_APPROVAL)
	@PostMapping("/programmes/funds/{id}/decision")
	String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam int version,
			@RequestParam(required = false) String note, @RequestParam(required = false) String kind, Locale locale,
			RedirectAttributes redirect) {
		try {
			String status = "output".equals(kind) ? this.funds.decideOutput(id, approve, version, note).status()
					: this.funds.decide(id, approve, version, note).status();
			redirect.addFlashAttribute("decided", status);
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			DomainException.FieldProblem f = ex.fieldProblems().isEmpty() ? null : ex.fieldProblems().get(0);
			redirect.addFlashAttribute("refusal",
					(f != null) ? this.messages.getMessage(f.messageKey(), f.args(), locale)
							: this.messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "redirect:/programmes/funds/pending";
	}

}
