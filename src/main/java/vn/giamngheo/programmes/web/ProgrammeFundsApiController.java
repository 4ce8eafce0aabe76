package vn.giamngheo.programmes.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.programmes.FundEntry;
import vn.giamngheo.programmes.FundLine;
import vn.giamngheo.programmes.FundTotals;
import vn.giamngheo.programmes.OutputEntry;
import vn.giamngheo.programmes.OutputLine;
import vn.giamngheo.programmes.ProgrammeFunds;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Programme funds and entered outputs as a JSON API (ADR 0048): a unit's own rows with
 * the rolled-up totals, all-or-nothing entry of lines, and the second person's decision.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Nguồn vốn chương trình / Programme funds")
public class ProgrammeFundsApiController {

	private final ProgrammeFunds funds;

	public ProgrammeFundsApiController(ProgrammeFunds funds) {
		this.funds = funds;
	}

	/**
	 * A unit's own fund rows of a year and its rolled-up totals.
	 *
	 * @param unit the unit
	 * @param year the year
	 * @param lines the unit's own rows
	 * @param totals the totals of each programme with rows at or under the unit that year
	 * (approved rows summed, waiting rows counted)
	 * @param outside the totals of resources outside the programmes
	 */
	public record FundsView(long unit, int year, List<FundLine> lines, List<FundTotals> totals, FundTotals outside) {
	}

	/**
	 * A unit's own output rows of a year.
	 *
	 * @param unit the unit
	 * @param year the year
	 * @param lines its rows
	 */
	public record OutputsView(long unit, int year, List<OutputLine> lines) {
	}

	/**
	 * A decision on an entered row.
	 *
	 * @param approve approve (true) or return (false)
	 * @param version the version read
	 * @param note the note (required to return)
	 */
	public record Decision(Boolean approve, Integer version, String note) {
	}

	@GetMapping("/programme-funds")
	@Operation(summary = "Nguồn vốn của một đơn vị trong một năm: các dòng của đơn vị và tổng hợp đã duyệt")
	public FundsView funds(@RequestParam long unit, @RequestParam int year) {
		List<FundLine> lines = this.funds.lines(unit, year);
		return new FundsView(unit, year, lines, this.funds.programmeTotals(unit, year),
				this.funds.totals(null, unit, year));
	}

	@GetMapping("/programme-funds/totals")
	@Operation(summary = "Tổng hợp nguồn vốn đã duyệt của một chương trình (bỏ trống: ngoài chương trình)"
			+ " từ đơn vị và các đơn vị cấp dưới")
	public FundTotals totals(@RequestParam(required = false) String programme, @RequestParam long unit,
			@RequestParam int year) {
		return this.funds.totals(blank(programme), unit, year);
	}

	@GetMapping("/programme-funds/totals/children")
	@Operation(summary = "Tổng hợp nguồn vốn đã duyệt của từng đơn vị cấp dưới")
	public List<FundTotals> totalsByChild(@RequestParam(required = false) String programme, @RequestParam long unit,
			@RequestParam int year) {
		return List.copyOf(this.funds.totalsByChild(blank(programme), unit, year).values());
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

	@Requires(Permission.PROGRAMME_FUNDS)
	@PostMapping(value = "/programme-funds", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Nhập các dòng nguồn vốn (kiểm tra từng dòng; không lưu gì nếu một dòng sai)")
	public FundsView enter(@RequestParam long unit, @RequestParam int year, @RequestBody List<FundEntry> lines) {
		this.funds.enter(unit, year, required(lines));
		return funds(unit, year);
	}

	private static <T> List<T> required(List<T> lines) {
		if (lines == null) {
			throw DomainException.invalid(List.of(new FieldProblem("lines", "error.field.required")));
		}
		return lines;
	}

	@Requires(Permission.PROGRAMME_APPROVAL)
	@PostMapping(value = "/programme-funds/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Duyệt hoặc trả lại một dòng nguồn vốn (người khác người nhập)")
	public FundLine decide(@PathVariable long id, @RequestBody Decision body) {
		check(body);
		return this.funds.decide(id, body.approve(), body.version(), body.note());
	}

	private static void check(Decision body) {
		if (body == null || body.approve() == null || body.version() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("approve", "error.field.required")));
		}
	}

	@GetMapping("/programme-funds/pending")
	@Operation(summary = "Các dòng nguồn vốn chờ duyệt trong phạm vi của người dùng")
	public List<FundLine> pending() {
		return this.funds.pending();
	}

	@GetMapping("/programme-outputs")
	@Operation(summary = "Chỉ tiêu kế hoạch và kết quả nhập của một đơn vị trong một năm")
	public OutputsView outputs(@RequestParam long unit, @RequestParam int year) {
		return new OutputsView(unit, year, this.funds.outputLines(unit, year));
	}

	@Requires(Permission.PROGRAMME_FUNDS)
	@PostMapping(value = "/programme-outputs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Nhập chỉ tiêu (PLAN) và kết quả không đếm được từ sổ hỗ trợ (ACTUAL); tất cả hoặc không")
	public OutputsView enterOutputs(@RequestParam long unit, @RequestParam int year,
			@RequestBody List<OutputEntry> lines) {
		return new OutputsView(unit, year, this.funds.enterOutputs(unit, year, required(lines)));
	}

	@Requires(Permission.PROGRAMME_APPROVAL)
	@PostMapping(value = "/programme-outputs/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Duyệt hoặc trả lại một dòng chỉ tiêu, kết quả (người khác người nhập)")
	public OutputLine decideOutput(@PathVariable long id, @RequestBody Decision body) {
		check(body);
		return this.funds.decideOutput(id, body.approve(), body.version(), body.note());
	}

	@GetMapping("/programme-outputs/pending")
	@Operation(summary = "Các dòng chỉ tiêu, kết quả chờ duyệt trong phạm vi của người dùng")
	public List<OutputLine> pendingOutputs() {
		return this.funds.pendingOutputs();
	}

}
