package vn.giamngheo.benefits.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.benefits.domain.Clause;
import vn.giamngheo.benefits.domain.Shares;
import vn.giamngheo.benefits.domain.Term;
import vn.giamngheo.shared.text.Vnd;

/**
 * A policy's rules in the reader's words (Vietnamese first): eligibility clauses,
 * amounts, rates and shares, from the support bundle, never a code.
 */
@Component("policyTexts")
public class PolicyTexts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	PolicyTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The policy's name in the reader's language. */
	public String name(SupportPolicy p) {
		return english() ? p.nameEn() : p.name();
	}

	/** One clause: each condition in words. */
	public List<String> clause(Clause c) {
		List<String> out = new ArrayList<>();
		if (!c.classIn().isEmpty()) {
			out.add(msg("support.policy.cond.class", names("class.", c.classIn())));
		}
		if (c.leftListWithinYears() != null) {
			out.add(msg("support.policy.cond.left", names("class.", c.leftClasses()), c.leftListWithinYears()));
		}
		if (!c.designationAny().isEmpty()) {
			out.add(msg("support.policy.cond.designationAny",
					names("support.reason.designation.", c.designationAny())));
		}
		if (!c.designationNone().isEmpty()) {
			out.add(msg("support.policy.cond.designationNone",
					names("support.reason.designation.", c.designationNone())));
		}
		yesNo(out, c.ethnicMinorityHousehold(), "support.policy.cond.ethnicMinorityHousehold");
		yesNo(out, c.socialProtection(), "support.policy.cond.socialProtection");
		if (c.ageFrom() != null) {
			out.add(msg("support.policy.cond.ageFrom", c.ageFrom()));
		}
		if (c.ageBelow() != null) {
			out.add(msg("support.policy.cond.ageBelow", c.ageBelow()));
		}
		yesNo(out, c.inSchool(), "support.policy.cond.inSchool");
		yesNo(out, c.workingAge(), "support.policy.cond.workingAge");
		yesNo(out, c.disability(), "support.policy.cond.disability");
		yesNo(out, c.ethnicMinority(), "support.policy.cond.ethnicMinority");
		if (!c.relationIn().isEmpty()) {
			out.add(msg("support.policy.cond.relation", names("support.reason.member.relation.", c.relationIn())));
		}
		return out;
	}

	/** One amount, rate or term: "Vay tối đa: 100.000.000 đồng". */
	public String term(Term t) {
		String value = switch (t.kind()) {
			case "VND" -> msg("support.policy.kind.VND", money(t.vnd()));
			case "VND_UP_TO" -> msg("support.policy.kind.VND_UP_TO", money(t.vnd()));
			case "VND_PER_MONTH" ->
				(t.months() != null) ? msg("support.policy.kind.VND_PER_MONTH.months", money(t.vnd()), t.months())
						: msg("support.policy.kind.VND_PER_MONTH", money(t.vnd()));
			case "VND_PER_DAY" -> msg("support.policy.kind.VND_PER_DAY", money(t.vnd()));
			case "KWH_PER_MONTH" -> msg("support.policy.kind.KWH_PER_MONTH", t.kwh());
			case "PERCENT_OF_CONTRIBUTION" -> msg(t.atLeast() ? "support.policy.kind.PERCENT_OF_CONTRIBUTION.atLeast"
					: "support.policy.kind.PERCENT_OF_CONTRIBUTION", percent(t.percent()));
			case "PERCENT_PER_YEAR" -> msg("support.policy.kind.PERCENT_PER_YEAR", percent(t.percent()));
			case "PERCENT_OF_RATE" -> msg("support.policy.kind.PERCENT_OF_RATE", percent(t.percent()));
			case "MONTHS_UP_TO" -> msg("support.policy.kind.MONTHS_UP_TO", t.months());
			default -> msg("support.policy.kind.BY_DECISION");
		};
		StringBuilder s = new StringBuilder(msg("support.policy.label." + t.label())).append(": ").append(value);
		if (t.paid() != null) {
			s.append("; ").append(msg("support.policy.paid." + t.paid()));
		}
		if (!t.classes().isEmpty()) {
			s.append("; ").append(msg("support.policy.term.classes", names("class.", t.classes())));
		}
		if (!t.where().isEmpty()) {
			s.append("; ").append(msg("support.policy.term.where", names("support.reason.designation.", t.where())));
		}
		if (t.from() != null) {
			s.append("; ").append(msg("support.policy.term.from", t.from().format(DAY)));
		}
		if (t.to() != null) {
			s.append("; ").append(msg("support.policy.term.to", t.to().format(DAY)));
		}
		return s.toString();
	}

	/** Who pays: "Tín dụng chính sách 100 %" or "theo từng quyết định". */
	public String shares(Shares s) {
		if (s.byDecision()) {
			return msg("support.policy.shares.byDecision");
		}
		return Shares.SOURCES.stream()
			.filter(s.percents()::containsKey)
			.map((source) -> msg("support.policy.source." + source) + " " + percent(s.percents().get(source)))
			.collect(Collectors.joining(", "));
	}

	/** The demand kinds a policy answers, by name. */
	public String needs(SupportPolicy p) {
		if (p.needs().isEmpty()) {
			return msg("support.policy.needs.none");
		}
		return p.needs()
			.stream()
			.map((n) -> "EXIT_PLAN".equals(n) ? msg("support.need.EXIT_PLAN") : msg("review.need." + n))
			.collect(Collectors.joining(", "));
	}

	private void yesNo(List<String> out, Boolean wanted, String key) {
		if (wanted != null) {
			out.add(msg(key + (wanted ? ".yes" : ".no")));
		}
	}

	private String names(String prefix, Collection<String> codes) {
		return codes.stream().sorted().map((c) -> msg(prefix + c)).collect(Collectors.joining(", "));
	}

	private String money(Long vnd) {
		return Vnd.digits(vnd, locale());
	}

	private String percent(BigDecimal p) {
		NumberFormat f = NumberFormat.getNumberInstance(locale());
		f.setMinimumFractionDigits(Math.max(0, p.scale()));
		return f.format(p) + " %";
	}

	private boolean english() {
		return "en".equals(locale().getLanguage());
	}

	private Locale locale() {
		Locale l = LocaleContextHolder.getLocale();
		return "en".equals(l.getLanguage()) ? Locale.UK : Locale.forLanguageTag("vi-VN");
	}

	private String msg(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
