package vn.giamngheo.registry.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.registry.MemberTransfer;
import vn.giamngheo.registry.MemberTransfers;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * Transfer requests of a person between units (ADR 0017): the holding unit's officers
 * list and decide them, the requesting unit reads the outcome.
 */
@RestController
@RequestMapping("/api/v1/member-transfers")
@Tag(name = "Hộ gia đình / Households")
public class TransferApiController {

	private final MemberTransfers transfers;

	public TransferApiController(MemberTransfers transfers) {
		this.transfers = transfers;
	}

	@GetMapping
	@Operation(summary = "Đề nghị chuyển nhân khẩu: chờ đơn vị mình quyết định, và kết quả đề nghị của đơn vị mình")
	public MemberTransfers.Lists list() {
		return this.transfers.lists();
	}

	@PostMapping("/{id}/acceptances")
	@Operation(summary = "Chấp nhận: nhân khẩu chuyển đến hộ đề nghị (bản ghi của đơn vị mình bị hủy)")
	public MemberTransfer accept(@PathVariable UUID id, @RequestBody Decision body) {
		return this.transfers.accept(id, body.versionOrFail());
	}

	@PostMapping("/{id}/refusals")
	@Operation(summary = "Từ chối, có lý do: số CCCD bị gỡ khỏi bản ghi của đơn vị đề nghị")
	public MemberTransfer refuse(@PathVariable UUID id, @RequestBody Decision body) {
		return this.transfers.refuse(id, body.versionOrFail(), body.reason());
	}

	/**
	 * A decision on a request.
	 *
	 * @param version the version read
	 * @param reason why (a refusal)
	 */
	public record Decision(Integer version, String reason) {

		int versionOrFail() {
			if (this.version == null) {
				throw DomainException.invalid(List.of(new FieldProblem("version", "error.field.required")));
			}
			return this.version;
		}

	}

}
