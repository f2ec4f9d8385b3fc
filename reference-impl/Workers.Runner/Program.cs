using Workers.Runner;

// workers-ref: run a module worker on the reference host, like `workerd test`.
return RunnerCommand.Execute(args, Console.Out, Console.Error);
