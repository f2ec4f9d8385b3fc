using Conformance.Harness.Scenarios;
using Conformance.Specs.Steps;
using global::Reqnroll;
using global::Reqnroll.Bindings;
using global::Reqnroll.Bindings.Discovery;
using global::Reqnroll.Bindings.Reflection;
using global::Reqnroll.Tracing;

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// Reqnroll's binding discovery, plus one step definition per phrase of <see cref="StepVocabulary"/> (issue 17, item 2): the
/// phrase's keyword and Cucumber expression, bound to the <see cref="ConformanceSteps"/> method that takes its number of
/// arguments. So the phrase table is the one list of steps, Reqnroll still reports an undefined or ambiguous step, and there
/// is nothing to keep in step with by hand or check by reflection.
/// </summary>
public sealed class PhraseBindings : RuntimeBindingSourceProcessor
{
    private readonly IBindingFactory _bindingFactory;
    private readonly IBindingRegistry _bindingRegistry;

    public PhraseBindings(IBindingFactory bindingFactory, IBindingRegistry bindingRegistry, ITestTracer testTracer)
        : base(bindingFactory, bindingRegistry, testTracer)
    {
        _bindingFactory = bindingFactory;
        _bindingRegistry = bindingRegistry;
    }

    public override void BuildingCompleted()
    {
        foreach (var phrase in StepVocabulary.Phrases)
        {
            var builder = _bindingFactory.CreateStepDefinitionBindingBuilder(TypeOf(phrase.Keyword), MethodFor(phrase), null,
                phrase.Expression, ExpressionType.CucumberExpression);
            foreach (var binding in builder.Build()) _bindingRegistry.RegisterStepDefinitionBinding(binding);
        }
        base.BuildingCompleted();
    }

    private static RuntimeBindingMethod MethodFor(StepPhrase phrase)
    {
        var method = typeof(ConformanceSteps).GetMethods()
            .SingleOrDefault(m => m.Name == nameof(ConformanceSteps.Step) && m.GetParameters().Length == phrase.ArgumentCount)
            ?? throw new InvalidOperationException($"ConformanceSteps has no {nameof(ConformanceSteps.Step)} method of {phrase.ArgumentCount} arguments for the phrase \"{phrase}\"");
        return new RuntimeBindingMethod(method);
    }

    private static StepDefinitionType TypeOf(StepKeyword keyword) => keyword switch
    {
        StepKeyword.Given => StepDefinitionType.Given,
        StepKeyword.When => StepDefinitionType.When,
        _ => StepDefinitionType.Then,
    };
}
