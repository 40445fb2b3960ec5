package dev.trollwatch.report;

import dev.trollwatch.model.DataFacts;
import dev.trollwatch.model.DecisionTree;
import dev.trollwatch.model.EvaluationResult;
import dev.trollwatch.model.ModelInfo;
import dev.trollwatch.model.QualityGate;
import java.util.List;

/**
 * Everything the HTML report shows.
 *
 * @param command      {@code train} or {@code evaluate}
 * @param evaluatedOn  how the rows were evaluated, in words (e.g. "stratified hold-out of 30 %, seed 16")
 * @param data         the input data and what preparation did to it
 * @param eval         the evaluation (matrix, importances, review budget, folds)
 * @param tree         the model's tree
 * @param info         the model's metadata (id, parameters, class weights, versions)
 * @param gates        the quality gates checked (empty when none were given)
 * @param toolVersion  the trollwatch version writing the report
 * @param createdAt    when the report was made (ISO-8601); the only part that changes between runs
 */
public record ReportContent(String command, String evaluatedOn, DataFacts data, EvaluationResult eval, DecisionTree tree,
        ModelInfo info, List<QualityGate> gates, String toolVersion, String createdAt) {
}
