package vn.giamngheo.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.giamngheo.imports.HouseholdExports;
import vn.giamngheo.imports.ImportJob;
import vn.giamngheo.imports.Imports;
import vn.giamngheo.imports.Imports.ShownChange;
import vn.giamngheo.imports.Imports.ShownConflict;
import vn.giamngheo.imports.Imports.ShownProblem;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Imports and exports as a JSON API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Nhập / xuất tệp · Imports and exports")
public class ImportApiController {

	private final Imports imports;

	private final HouseholdExports exports;

	public ImportApiController(Imports imports, HouseholdExports exports) {
		this.imports = imports;
		this.exports = exports;
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping(path = "/imports", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Tải lên tệp XLSX/CSV hộ và nhân khẩu; kiểm tra thử chạy nền (dry run)")
	public ImportJob upload(@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "commune", required = false) String commune) {
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("file", "imports.file.empty")));
		}
		try {
			return this.imports.upload(file.getOriginalFilename(), file.getInputStream(), commune);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports")
	@Operation(summary = "Các lần nhập của tôi")
	public List<ImportJob> list() {
		return this.imports.list();
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}")
	@Operation(summary = "Một lần nhập: trạng thái, tiến độ, số đếm")
	public ImportJob get(@PathVariable UUID id) {
		return this.imports.job(id);
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}/problems")
	@Operation(summary = "Lỗi theo dòng (trang, ngôn ngữ theo ?lang=); matches=true: các hộ đã ghép")
	public List<ShownProblem> problems(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "200") int size, @RequestParam(defaultValue = "false") boolean matches,
			Locale locale) {
		return this.imports.problems(id, matches, page, Math.min(Math.max(size, 1), 1000), locale);
	}

	@GetMapping("/imports/{id}/changes")
	@Operation(summary = "Các trường sẽ thay đổi (sau khi ghi: đã thay đổi) ở hộ, nhân khẩu, phân loại đã có trong sổ:"
			+ " giá trị cũ → mới, theo ngôn ngữ ?lang=")
	@Requires(Permission.REGISTRY_IMPORT)
	public List<ShownChange> changes(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "200") int size, Locale locale) {
		return this.imports.changes(id, page, Math.min(Math.max(size, 1), 1000), locale);
	}

	@GetMapping("/imports/{id}/conflicts")
	@Operation(summary = "Các hộ không được ghi vì đã thay đổi trong sổ sau khi kiểm tra thử, kèm liên kết tới hộ")
	@Requires(Permission.REGISTRY_IMPORT)
	public List<ShownConflict> conflicts(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "200") int size, Locale locale) {
		return this.imports.conflicts(id, page, Math.min(Math.max(size, 1), 1000), locale);
	}

	@PostMapping("/imports/{id}/checks")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Kiểm tra thử lại tệp với sổ hiện tại (sau khi ghi bị từ chối vì xung đột)")
	@Requires(Permission.REGISTRY_IMPORT)
	public ImportJob check(@PathVariable UUID id) {
		return this.imports.check(id);
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/commits")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ghi vào sổ: mode=ALL (tất cả hoặc không) hoặc VALID (chỉ các hộ hợp lệ, không xung đột)")
	public ImportJob commit(@PathVariable UUID id, @RequestBody(required = false) CommitBody body) {
		return this.imports.commit(id, (body == null || body.mode() == null) ? "ALL" : body.mode());
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/separations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Trả lời các hộ ghép theo họ tên: không phải cùng hộ, tạo hộ mới; tệp được kiểm tra lại")
	public ImportJob separate(@PathVariable UUID id, @RequestBody SeparateBody body) {
		return this.imports.separate(id, (body == null) ? null : body.codes());
	}

	/** Household codes of the file to create as new households. */
	public record SeparateBody(List<String> codes) {
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/reverts")
	@Operation(summary = "Hoàn tác toàn bộ một lần nhập")
	public ImportJob revert(@PathVariable UUID id) {
		return this.imports.revert(id);
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}/rejected-rows")
	@Operation(summary = "Các dòng bị loại, XLSX có cột lỗi")
	public void rejected(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
		this.imports.job(id);
		ImportDownloads.xlsx(response, "rejected-" + id + ".xlsx");
		this.imports.rejectedRows(id, locale, response.getOutputStream());
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/import-template")
	@Operation(summary = "Mẫu XLSX (hộ, nhân khẩu, hướng dẫn, danh mục của địa bàn)")
	public void template(Locale locale, HttpServletResponse response) throws IOException {
		this.imports.requireImporter();
		ImportDownloads.xlsx(response, "mau-nhap-ho.xlsx");
		this.imports.template(locale, response.getOutputStream());
	}

	@Requires(Permission.HOUSEHOLD_EXPORT)
	@GetMapping("/household-exports")
	@Operation(summary = "Xuất danh sách hộ đã lọc (XLSX hoặc CSV), kèm nhân khẩu, phân loại và thiếu hụt của năm")
	public void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long village, @RequestParam(required = false) String classification,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String q, Locale locale,
			HttpServletResponse response) throws IOException {
		ImportDownloads.export(this.exports, format, ImportDownloads.query(unit, village, classification, year, q),
				locale, response);
	}

	/**
	 * How to commit.
	 *
	 * @param mode ALL or VALID
	 */
	public record CommitBody(String mode) {
	}

}
