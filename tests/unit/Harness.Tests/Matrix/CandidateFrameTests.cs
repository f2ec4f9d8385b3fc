using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Harness.Tests.Matrix;

/// <summary>
/// The discriminating rows (issue 19, item 2): every family of the matrix has them, every candidate frame of a row either
/// holds its own store or is named as one with a frame that does, and the program enters each frame with its own store.
/// </summary>
public sealed class CandidateFrameTests
{
    [Fact]
    public void Every_family_of_the_matrix_has_discriminating_rows()
    {
        var covered = FrameFamilies.All.Select(f => f.Family).ToArray();
        var missing = Families.All.Where(f => !covered.Contains(f)).Select(f => f.File).ToArray();
        Assert.True(missing.Length == 0, $"families with no discriminating rows: {string.Join(", ", missing)}");
        Assert.Equal(covered.Length, covered.Distinct().Count());
        Assert.All(FrameFamilies.All, f => Assert.NotEmpty(f.Rows));
    }

    [Fact]
    public void A_frame_that_is_not_distinct_is_one_with_a_distinct_frame_and_says_why()
    {
        Assert.All(FrameFamilies.All.SelectMany(f => f.Rows), row =>
        {
            var merged = row.Merged ?? [];
            Assert.Equal(merged.Count, merged.Select(m => m.Frame).Distinct().Count());
            Assert.All(merged, m =>
            {
                Assert.Contains(m.Into, row.Distinct);
                Assert.False(string.IsNullOrWhiteSpace(m.Reason), $"{row.Callback}: {m.Frame} merged with no reason");
            });
            // The request, the top level and none are the program's, never the source's: every row keeps them apart.
            Assert.Contains(CandidateFrame.Request, row.Distinct);
            Assert.Contains(CandidateFrame.TopLevel, row.Distinct);
            Assert.Contains(CandidateFrame.None, row.Distinct);
        });
    }

    [Fact]
    public void The_program_enters_every_frame_but_none_with_its_own_store()
    {
        var program = string.Join("\n", FrameRowProgram.Lines(FrameFamilies.All[0]));
        var stores = CandidateFrames.All.Where(f => f != CandidateFrame.None).Select(CandidateFrames.Store).ToArray();
        Assert.Equal(stores.Length, stores.Distinct().Count());
        foreach (var store in stores) Assert.Contains($"als.run('{store}', ", program);
        Assert.Equal("undefined", CandidateFrames.Store(CandidateFrame.None));
        Assert.Contains("object = als.run('creation', () => <create>);", program);
        Assert.Contains("als.run('registration', () => { <register>; });", program);
        Assert.Contains("await als.run('trigger', async () => { <trigger>; });", program);
    }

    [Fact]
    public void The_six_frame_names_are_the_inventorys_vocabulary()
    {
        Assert.Equal(["creation", "registration", "trigger", "request", "top-level", "none"], CandidateFrames.All.Select(CandidateFrames.Name));
    }
}
