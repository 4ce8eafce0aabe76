package vn.giamngheo.programmes.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.programmes.NodeRef;
import vn.giamngheo.programmes.OutputDef;
import vn.giamngheo.programmes.OutputFigure;
import vn.giamngheo.programmes.OutputKey;
import vn.giamngheo.programmes.Programme;
import vn.giamngheo.programmes.ProgrammeCatalogue;
import vn.giamngheo.programmes.ProgrammeIndicator;
import vn.giamngheo.programmes.ProgrammeNode;
import vn.giamngheo.programmes.ProgrammeOutputs;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * The programme catalogue as cited data (public reference data, open to every signed-in
 * role) and a programme's outputs for a unit and year (view scope of the unit).
 */
@RestController
@RequestMapping("/api/v1/programmes")
public class ProgrammeApiController {

	private final ProgrammeCatalogue catalogue;

	private final ProgrammeOutputs outputs;

	private final Geography geography;

	private final MessageSource messages;

	ProgrammeApiController(ProgrammeCatalogue catalogue, ProgrammeOutputs outputs, Geography geography,
			MessageSource messages) {
		this.catalogue = catalogue;
		this.outputs = outputs;
		this.geography = geography;
		this.messages = messages;
	}

	/**
	 * A programme as the API gives it.
	 *
	 * @param code programme code
	 * @param name name in the request's language
	 * @param nameEn English name
	 * @param legalBasis legal basis in words
	 * @param verified whether the legal basis was read in the official text
	 * @param periodFrom first year
	 * @param periodTo last year
	 * @param leadAgency lead agency in words
	 * @param note what is known and not
	 * @param indicators the programme's targets (Biểu 01)
	 * @param projects its projects, with sub-projects and contents
	 */
	public record ProgrammeView(String code, String name, String nameEn, String legalBasis, boolean verified,
			int periodFrom, int periodTo, String leadAgency, String note, List<ProgrammeIndicator> indicators,
			List<NodeView> projects) {
	}

	/**
	 * A node as the API gives it.
	 *
	 * @param code node code
	 * @param level PROJECT, SUBPROJECT or CONTENT
	 * @param name name in the request's language
	 * @param nameEn English name
	 * @param legalBasis legal basis
	 * @param verified whether read in the official text
	 * @param leadAgency lead agency
	 * @param beneficiaries beneficiary rule in words
	 * @param outputs its outputs
	 * @param indicators its indicators
	 * @param children its sub-projects or contents
	 * @param successor the node of the next programme it continues as, or null
	 */
	public record NodeView(String code, String level, String name, String nameEn, String legalBasis, boolean verified,
			String leadAgency, String beneficiaries, List<OutputView> outputs, List<ProgrammeIndicator> indicators,
			List<NodeView> children, NodeRef successor) {
	}

	/**
	 * An output as the API gives it.
	 *
	 * @param code output code
	 * @param name name in the request's language
	 * @param unit unit of count in the request's language
	 * @param obtained COUNTED (from the ledger or the models) or ENTERED
	 * @param counting how it is counted, or null when entered
	 */
	public record OutputView(String code, String name, String unit, String obtained, OutputDef.Counting counting) {
	}

	/** The list. */
	public record ProgrammeList(List<ProgrammeView> items) {
	}

	/**
	 * A figure as the API gives it.
	 *
	 * @param node node code
	 * @param nodeName node name
	 * @param output output code
	 * @param outputName output name
	 * @param unit unit of count
	 * @param value the value
	 * @param how COUNTED, ENTERED or NONE
	 * @param howText how, in words
	 * @param target the approved target, or null
	 * @param pending entered rows waiting for approval
	 */
	public record FigureView(String node, String nodeName, String output, String outputName, String unit, long value,
			String how, String howText, Long target, int pending) {
	}

	/**
	 * A programme's outputs for a unit and year.
	 *
	 * @param programme programme code
	 * @param unitId unit id
	 * @param unitName unit name
	 * @param year the year
	 * @param figures one per node and output, in catalogue order
	 */
	public record Outputs(String programme, long unitId, String unitName, int year, List<FigureView> figures) {
	}

	@GetMapping
	public ProgrammeList list(Locale locale) {
		return new ProgrammeList(this.catalogue.programmes().stream().map((p) -> view(p, locale)).toList());
	}

	@GetMapping("/{code}")
	public ProgrammeView get(@PathVariable String code, Locale locale) {
		return view(require(code), locale);
	}

	@GetMapping("/{code}/outputs")
	public Outputs outputs(@PathVariable String code, @RequestParam long unit, @RequestParam int year, Locale locale) {
		return figures(require(code), unit, year, locale);
	}

	/** The figures of a programme for a unit and year (shared with the page). */
	Outputs figures(Programme p, long unitId, int year, Locale locale) {
		Map<OutputKey, OutputFigure> figures = this.outputs.outputs(p.code(), unitId, year);
		Unit unit = this.geography.unit(unitId);
		List<FigureView> out = new ArrayList<>();
		for (ProgrammeNode n : ProgrammeCatalogue.flatten(p)) {
			for (OutputDef o : n.outputs()) {
				OutputFigure f = figures.get(new OutputKey(n.code(), o.code()));
				out.add(new FigureView(n.code(), n.name(locale), o.code(), o.name(locale),
						"en".equals(locale.getLanguage()) ? o.unitEn() : o.unitVi(), f.value(), f.how().name(),
						this.messages.getMessage(howKey(f, o), null, locale), f.target(), f.pending()));
			}
		}
		return new Outputs(p.code(), unit.id(), unit.name(), year, out);
	}

	private static String howKey(OutputFigure f, OutputDef o) {
		return (f.how() == OutputFigure.How.COUNTED) ? "prog.cat.how.COUNTED." + o.counting().from()
				: "prog.cat.how." + f.how().name();
	}

	Programme require(String code) {
		return this.catalogue.programme(code)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "prog.cat.unknown", code));
	}

	ProgrammeView view(Programme p, Locale locale) {
		return new ProgrammeView(p.code(), p.name(locale), p.nameEn(), p.legalBasis(), p.verified(), p.periodFrom(),
				p.periodTo(), p.leadAgency(), p.note(), p.indicators(), nodes(p.code(), p.projects(), locale));
	}

	private List<NodeView> nodes(String programme, List<ProgrammeNode> nodes, Locale locale) {
		boolean en = "en".equals(locale.getLanguage());
		return nodes.stream()
			.map((n) -> new NodeView(n.code(), n.level(), n.name(locale), n.nameEn(), n.legalBasis(), n.verified(),
					n.leadAgency(), n.beneficiaries(),
					n.outputs()
						.stream()
						.map((o) -> new OutputView(o.code(), o.name(locale), en ? o.unitEn() : o.unitVi(),
								o.counted() ? "COUNTED" : "ENTERED", o.counting()))
						.toList(),
					n.indicators(), nodes(programme, n.children(), locale),
					this.catalogue.successor(programme, n.code()).orElse(null)))
			.toList();
	}

}
