package vn.giamngheo.exits.domain;

import java.util.List;

/**
 * A household's early-warning score and its reasons, heaviest first.
 *
 * @param points the sum of the points of the rules that hold
 * @param reasons why
 * @param incomePerCapita the latest recognised income per head (ranks ties: lower first),
 * or {@code null}
 */
public record WarningScore(int points, List<WarningReason> reasons, Long incomePerCapita) {
}
