using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

public sealed class PlanModuleTests
{
    [Fact]
    public void The_test_handler_plan_renders_as_a_module()
    {
        Assert.Equal("export default {\"requests\":[],\"concurrent\":false,\"settleTurns\":3,\"settleMs\":100};\n", PlanModule.Render(ScenarioPlan.TestHandlerOnly));
    }

    [Fact]
    public void Requests_render_with_method_path_and_body()
    {
        var plan = new ScenarioPlan([new WorkerRequest("GET", "/0"), new WorkerRequest("POST", "/x", "a \"quoted\" é")], Concurrent: true, SettleTurns: 5);
        Assert.Equal(
            "export default {\"requests\":[{\"method\":\"GET\",\"path\":\"/0\",\"body\":null},{\"method\":\"POST\",\"path\":\"/x\",\"body\":\"a \\\"quoted\\\" é\"}],\"concurrent\":true,\"settleTurns\":5,\"settleMs\":100};\n",
            PlanModule.Render(plan));
    }

    [Fact]
    public void The_driver_files_give_four_modules_with_the_driver_as_entry()
    {
        var driver = DriverFiles.FromRepository();
        var modules = driver.ModulesFor(new ScenarioProgram("a/b", "export default {};", ScenarioPlan.TestHandlerOnly, "2026-11-17"));
        Assert.Equal(["driver.mjs", "plan.mjs", "program.mjs", "trace.mjs"], modules.Keys.Order());
        Assert.Contains("import plan from './plan.mjs'", modules["driver.mjs"]);
        Assert.Equal("driver.mjs", DriverFiles.EntryModule);
    }
}
