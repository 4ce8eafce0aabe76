package vn.giamngheo.backup.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.backup.Backups;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Backups of the embedded database for the system administrator: the list (with the WAL
 * archive's state) and a base backup now (202: it runs on its own thread; the list shows
 * it running, then finished or failed).
 */
@RestController
@RequestMapping("/api/v1/backups")
class BackupApiController {

	private final Backups backups;

	BackupApiController(Backups backups) {
		this.backups = backups;
	}

	@GetMapping
	@Requires(Permission.OPERATIONS)
	Backups.Status list() {
		return this.backups.status();
	}

	@PostMapping
	@Requires(Permission.OPERATIONS)
	ResponseEntity<Backups.Running> start() {
		return ResponseEntity.accepted().location(URI.create("/api/v1/backups")).body(this.backups.start());
	}

}
