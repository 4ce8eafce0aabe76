package vn.giamngheo.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page. */
@Controller
public class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
