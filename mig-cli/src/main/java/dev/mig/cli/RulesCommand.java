package dev.mig.cli;

import dev.mig.Mig;
import dev.mig.api.MigException;
import dev.mig.api.plan.Rule;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mig rules}: the codes plan's findings carry, and what each means. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List the rule codes of 'mig plan' findings with their default levels, or print one "
                + "rule's documentation (the section of specs/rules.md): what it means, an example, how to fix it."},
        footer = {"", "Exit codes: 0 printed, 2 no rule has that code.", "", "Examples:", "  mig rules",
                "  mig rules MIG101", "  mig rules --json | jq '.rules[].code'"})
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CODE", description = "A rule code, such as MIG101.")
    String code;

    @Option(names = "--json", description = "Print the rules (or the one rule) as JSON.")
    boolean json;

    /** One rule as --json prints it. */
    record RuleInfo(String code, String name, String level, String category, String title, boolean dataDecides) {
        static RuleInfo of(Rule r) {
            return new RuleInfo(r.code(), r.camelName(), r.defaultLevel().word(), r.category(), r.title(),
                    r.dataDecides());
        }
    }

    record RuleList(List<RuleInfo> rules) {
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (code != null) {
            Rule rule = Rule.byCode(code).orElseThrow(() -> MigException.input("no rule has the code " + code,
                    "Run 'mig rules' for the list of codes."));
            out.print(json ? Mig.json(RuleInfo.of(rule)) + "\n" : Mig.ruleDoc(rule));
        } else if (json) {
            out.println(Mig.json(new RuleList(Arrays.stream(Rule.values()).map(RuleInfo::of).toList())));
        } else {
            for (Rule r : Rule.values()) {
                out.printf("%s  %-7s  %s%n", r.code(), r.defaultLevel().word(), r.title());
            }
        }
        out.flush();
        return 0;
    }
}
