package dev.multisession.runtime.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every merge case as a row: a starting order, the operations of two terminals in the order the
 * hub received them (each diffed against the starting order, so they are concurrent), the state
 * they leave and what each did. Single quotes stand for double quotes.
 */
class MergeEngineTest {

    private static final ObjectMapper MAPPER = MessageCodec.instance().mapper();

    static Stream<Arguments> cases() {
        return Stream.of(
            row("set vs set: last writer wins",
                "{'note':'a'}", ops("{'op':'set','path':['note'],'value':'A'}", "{'op':'set','path':['note'],'value':'B'}"),
                "{'note':'B'}", "APPLIED,APPLIED"),
            row("set vs set of different fields: both survive",
                "{'note':'a','table':1}", ops("{'op':'set','path':['note'],'value':'A'}", "{'op':'set','path':['table'],'value':7}"),
                "{'note':'A','table':7}", "APPLIED,APPLIED"),
            row("set to the same value: no-op",
                "{'note':'a'}", ops("{'op':'set','path':['note'],'value':'a'}"),
                "{'note':'a'}", "NO_OP"),
            row("set creates missing objects on the way",
                "{}", ops("{'op':'set','path':['customer','name'],'value':'Ann'}"),
                "{'customer':{'name':'Ann'}}", "APPLIED"),
            row("set null clears",
                "{'note':'a'}", ops("{'op':'set','path':['note'],'value':null}"),
                "{'note':null}", "APPLIED"),
            row("counter vs counter: deltas add up",
                "{'lines':[{'uid':'L1','qty':1}]}",
                ops("{'op':'add','path':['lines',{'uid':'L1'},'qty'],'delta':1}",
                    "{'op':'add','path':['lines',{'uid':'L1'},'qty'],'delta':1}"),
                "{'lines':[{'uid':'L1','qty':3}]}", "APPLIED,APPLIED"),
            row("add vs add with decimals: exact",
                "{'total':0.1}", ops("{'op':'add','path':['total'],'delta':0.2}", "{'op':'add','path':['total'],'delta':-0.05}"),
                "{'total':0.25}", "APPLIED,APPLIED"),
            row("add to missing or null counts from zero",
                "{'b':null}", ops("{'op':'add','path':['a'],'delta':2}", "{'op':'add','path':['b'],'delta':3}"),
                "{'a':2,'b':3}", "APPLIED,APPLIED"),
            row("add zero: no-op",
                "{'a':1}", ops("{'op':'add','path':['a'],'delta':0}"), "{'a':1}", "NO_OP"),
            row("add past the protocol's number bound: out of range, nothing changes",
                "{'a':9e37}", ops("{'op':'add','path':['a'],'delta':9e37}"), "{'a':9e37}", "CONFLICT:" + Reason.OUT_OF_RANGE),
            row("add within the bound in decimals: exact",
                "{'a':9e36}", ops("{'op':'add','path':['a'],'delta':1e36}"), "{'a':1.0E+37}", "APPLIED"),
            row("add to text: type mismatch",
                "{'a':'x'}", ops("{'op':'add','path':['a'],'delta':1}"), "{'a':'x'}", "CONFLICT:" + Reason.TYPE_MISMATCH),
            row("add past long range: exact decimal",
                "{'a':9223372036854775807}", ops("{'op':'add','path':['a'],'delta':1}"),
                "{'a':9223372036854775808}", "APPLIED"),
            row("set vs add on a counter: set then add",
                "{'qty':1}", ops("{'op':'set','path':['qty'],'value':5}", "{'op':'add','path':['qty'],'delta':1}"),
                "{'qty':6}", "APPLIED,APPLIED"),
            row("remove vs edit: the element stays removed, the edit conflicts",
                "{'lines':[{'uid':'L1','qty':1,'note':''}]}",
                ops("{'op':'delete','path':['lines',{'uid':'L1'}]}",
                    "{'op':'set','path':['lines',{'uid':'L1'},'note'],'value':'no ice'}",
                    "{'op':'add','path':['lines',{'uid':'L1'},'qty'],'delta':1}"),
                "{'lines':[]}", "APPLIED,CONFLICT:" + Reason.ELEMENT_REMOVED + ",CONFLICT:" + Reason.ELEMENT_REMOVED),
            row("an edit of a line of a list that is not there conflicts and makes no empty list",
                "{'note':'a'}", ops("{'op':'set','path':['lines',{'uid':'L1'},'note'],'value':'no ice'}"),
                "{'note':'a'}", "CONFLICT:" + Reason.ELEMENT_REMOVED),
            row("clear vs edit below: the cleared object stays null, the edit conflicts",
                "{'delivery':{'lines':[{'uid':'L1','qty':1}]}}",
                ops("{'op':'set','path':['delivery'],'value':null}",
                    "{'op':'add','path':['delivery','lines',{'uid':'L1'},'qty'],'delta':1}"),
                "{'delivery':null}", "APPLIED,CONFLICT:" + Reason.ELEMENT_REMOVED),
            row("edit vs remove: edit applies, then the element is removed",
                "{'lines':[{'uid':'L1','qty':1}]}",
                ops("{'op':'add','path':['lines',{'uid':'L1'},'qty'],'delta':1}", "{'op':'delete','path':['lines',{'uid':'L1'}]}"),
                "{'lines':[]}", "APPLIED,APPLIED"),
            row("remove vs remove: the second is a no-op",
                "{'lines':[{'uid':'L1'}]}",
                ops("{'op':'delete','path':['lines',{'uid':'L1'}]}", "{'op':'delete','path':['lines',{'uid':'L1'}]}"),
                "{'lines':[]}", "APPLIED,NO_OP"),
            row("delete in a missing array: no-op",
                "{}", ops("{'op':'delete','path':['lines',{'uid':'L1'}]}"), "{}", "NO_OP"),
            row("insert vs insert after the same element: both kept, the later first after it",
                "{'lines':[{'uid':'L1'}]}",
                ops("{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'A'},'afterId':'L1'}",
                    "{'op':'insert','path':['lines',{'uid':'B'}],'value':{'uid':'B'},'afterId':'L1'}"),
                "{'lines':[{'uid':'L1'},{'uid':'B'},{'uid':'A'}]}", "APPLIED,APPLIED"),
            row("insert at the front and into a missing array",
                "{}",
                ops("{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'A'},'afterId':null}",
                    "{'op':'insert','path':['lines',{'uid':'B'}],'value':{'uid':'B'},'afterId':null}"),
                "{'lines':[{'uid':'B'},{'uid':'A'}]}", "APPLIED,APPLIED"),
            row("insert after a removed element: appended",
                "{'lines':[{'uid':'L1'},{'uid':'L2'}]}",
                ops("{'op':'delete','path':['lines',{'uid':'L1'}]}",
                    "{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'A'},'afterId':'L1'}"),
                "{'lines':[{'uid':'L2'},{'uid':'A'}]}", "APPLIED,APPLIED"),
            row("insert vs insert of the same id: members merged",
                "{'lines':[]}",
                ops("{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'A','qty':1},'afterId':null}",
                    "{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'A','note':'x'},'afterId':null}",
                    "{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'A','note':'x'},'afterId':null}"),
                "{'lines':[{'uid':'A','qty':1,'note':'x'}]}", "APPLIED,APPLIED,NO_OP"),
            row("insert whose value names another id: type mismatch",
                "{'lines':[]}",
                ops("{'op':'insert','path':['lines',{'uid':'A'}],'value':{'uid':'B'},'afterId':null}"),
                "{'lines':[]}", "CONFLICT:" + Reason.TYPE_MISMATCH),
            row("map: keys set by two terminals at once both stay",
                "{'notes':{}}",
                ops("{'op':'set','path':['notes','CUSTOMER_NAME'],'value':'Ann'}",
                    "{'op':'set','path':['notes','MANAGER_INSTRUCTION'],'value':'no onions'}"),
                "{'notes':{'CUSTOMER_NAME':'Ann','MANAGER_INSTRUCTION':'no onions'}}", "APPLIED,APPLIED"),
            row("map: a key set into a null map creates it",
                "{'notes':null}", ops("{'op':'set','path':['notes','a'],'value':'x'}"),
                "{'notes':{'a':'x'}}", "APPLIED"),
            row("map: unset vs set of another key: both applied",
                "{'notes':{'a':'x','b':'y'}}",
                ops("{'op':'unset','path':['notes','a']}", "{'op':'set','path':['notes','b'],'value':'z'}"),
                "{'notes':{'b':'z'}}", "APPLIED,APPLIED"),
            row("map: unset vs unset of one key: the second is a no-op",
                "{'notes':{'a':'x'}}",
                ops("{'op':'unset','path':['notes','a']}", "{'op':'unset','path':['notes','a']}"),
                "{'notes':{}}", "APPLIED,NO_OP"),
            row("map: unset in a missing map: no-op",
                "{}", ops("{'op':'unset','path':['notes','a']}"), "{}", "NO_OP"),
            row("map: unset vs set of the same key: last writer wins",
                "{'notes':{'a':'x'}}",
                ops("{'op':'unset','path':['notes','a']}", "{'op':'set','path':['notes','a'],'value':'y'}"),
                "{'notes':{'a':'y'}}", "APPLIED,APPLIED"),
            row("map: unset through a text: type mismatch",
                "{'notes':'x'}", ops("{'op':'unset','path':['notes','a']}"), "{'notes':'x'}",
                "CONFLICT:" + Reason.TYPE_MISMATCH),
            row("counter map: deltas of one key add up, other keys kept",
                "{'covers':{'wine':1,'beer':2}}",
                ops("{'op':'add','path':['covers','wine'],'delta':1}", "{'op':'add','path':['covers','wine'],'delta':2}",
                    "{'op':'add','path':['covers','water'],'delta':1}"),
                "{'covers':{'wine':4,'beer':2,'water':1}}", "APPLIED,APPLIED,APPLIED"),
            row("set: values included by two terminals at once both stay",
                "{'tables':[1]}",
                ops("{'op':'include','path':['tables'],'value':5}", "{'op':'include','path':['tables'],'value':7}"),
                "{'tables':[1,5,7]}", "APPLIED,APPLIED"),
            row("set: including a value that is there: no-op (numbers by value)",
                "{'tables':[5]}", ops("{'op':'include','path':['tables'],'value':5.0}"), "{'tables':[5]}", "NO_OP"),
            row("set: include into a missing or null set creates it",
                "{'b':null}",
                ops("{'op':'include','path':['a'],'value':'x'}", "{'op':'include','path':['b'],'value':'y'}"),
                "{'b':['y'],'a':['x']}", "APPLIED,APPLIED"),
            row("set: exclude vs include of another value: both applied",
                "{'tables':[1,2]}",
                ops("{'op':'exclude','path':['tables'],'value':1}", "{'op':'include','path':['tables'],'value':3}"),
                "{'tables':[2,3]}", "APPLIED,APPLIED"),
            row("set: exclude vs exclude: the second is a no-op",
                "{'tables':[1,2]}",
                ops("{'op':'exclude','path':['tables'],'value':1}", "{'op':'exclude','path':['tables'],'value':1}"),
                "{'tables':[2]}", "APPLIED,NO_OP"),
            row("set: exclude from a missing set: no-op",
                "{}", ops("{'op':'exclude','path':['tables'],'value':1}"), "{}", "NO_OP"),
            row("set: include into an object: type mismatch",
                "{'tables':{}}", ops("{'op':'include','path':['tables'],'value':1}"), "{'tables':{}}",
                "CONFLICT:" + Reason.TYPE_MISMATCH),
            row("set inside a line: included by path",
                "{'lines':[{'uid':'L1','tags':['hot']}]}",
                ops("{'op':'include','path':['lines',{'uid':'L1'},'tags'],'value':'vegan'}",
                    "{'op':'exclude','path':['lines',{'uid':'L1'},'tags'],'value':'hot'}"),
                "{'lines':[{'uid':'L1','tags':['vegan']}]}", "APPLIED,APPLIED"),
            row("numeric ids match by value",
                "{'lines':[{'id':7,'qty':1}]}",
                ops("{'op':'add','path':['lines',{'id':7.0},'qty'],'delta':2}"),
                "{'lines':[{'id':7,'qty':3}]}", "APPLIED"),
            row("nested collections: edit inside a removed parent conflicts",
                "{'lines':[{'uid':'L1','mods':[{'uid':'M1','qty':1}]}]}",
                ops("{'op':'delete','path':['lines',{'uid':'L1'}]}",
                    "{'op':'insert','path':['lines',{'uid':'L1'},'mods',{'uid':'M2'}],'value':{'uid':'M2'},'afterId':'M1'}",
                    "{'op':'delete','path':['lines',{'uid':'L1'},'mods',{'uid':'M1'}]}"),
                "{'lines':[]}", "APPLIED,CONFLICT:" + Reason.ELEMENT_REMOVED + ",NO_OP"),
            row("nested collections: edits in kept parents apply",
                "{'lines':[{'uid':'L1','mods':[{'uid':'M1','qty':1}]}]}",
                ops("{'op':'add','path':['lines',{'uid':'L1'},'mods',{'uid':'M1'},'qty'],'delta':1}",
                    "{'op':'insert','path':['lines',{'uid':'L1'},'mods',{'uid':'M2'}],'value':{'uid':'M2','qty':1},'afterId':'M1'}"),
                "{'lines':[{'uid':'L1','mods':[{'uid':'M1','qty':2},{'uid':'M2','qty':1}]}]}", "APPLIED,APPLIED"),
            row("stepping into a scalar: type mismatch",
                "{'note':'x','lines':'oops'}",
                ops("{'op':'set','path':['note','a'],'value':1}",
                    "{'op':'set','path':['lines',{'uid':'L1'},'qty'],'value':1}"),
                "{'note':'x','lines':'oops'}", "CONFLICT:" + Reason.TYPE_MISMATCH + ",CONFLICT:" + Reason.TYPE_MISMATCH)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergesAsTheRulesSay(String name, String start, List<String> ops, String expected, String outcomes) throws Exception {
        ObjectNode state = (ObjectNode) json(start);
        List<Op> decoded = new ArrayList<>();
        for (String op : ops) {
            decoded.add(MessageCodec.instance().decodeOp(json(op)));
        }

        List<OpOutcome> results = MergeEngine.instance().applyAll(state, decoded);

        assertTrue(JsonValues.same(json(expected), state), "state " + state + ", expected " + json(expected));
        List<String> kinds = new ArrayList<>();
        for (OpOutcome outcome : results) {
            kinds.add(outcome.kind() == OpOutcome.Kind.CONFLICT ? "CONFLICT:" + outcome.reason() : outcome.kind().name());
        }
        assertEquals(outcomes, String.join(",", kinds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aSharedCopyMergesAsTheRulesSayAndLeavesTheOriginalAsItWas(String name, String start, List<String> ops,
            String expected, String outcomes) throws Exception {
        ObjectNode original = (ObjectNode) json(start);
        ObjectNode untouched = original.deepCopy();
        SharedCopy copy = SharedCopy.of(original);
        List<String> kinds = new ArrayList<>();
        for (String op : ops) {
            Op decoded = MessageCodec.instance().decodeOp(json(op));
            copy.own(decoded.path());
            OpOutcome outcome = MergeEngine.instance().apply(copy.root(), decoded);
            kinds.add(outcome.kind() == OpOutcome.Kind.CONFLICT ? "CONFLICT:" + outcome.reason() : outcome.kind().name());
        }

        assertTrue(JsonValues.same(json(expected), copy.root()), "copy " + copy.root() + ", expected " + json(expected));
        assertEquals(outcomes, String.join(",", kinds));
        assertEquals(untouched, original, "the original is not changed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replicasApplyingTheSameOpsAreEqual(String name, String start, List<String> ops, String expected, String outcomes)
            throws Exception {
        ObjectNode hub = (ObjectNode) json(start);
        ObjectNode terminal = (ObjectNode) json(start);
        for (String op : ops) {
            Op decoded = MessageCodec.instance().decodeOp(json(op));
            if (MergeEngine.instance().apply(hub, decoded).applied()) {
                MergeEngine.instance().apply(terminal, decoded); // only effective ops are broadcast
            }
        }
        assertEquals(hub, terminal);
    }

    private static Arguments row(String name, String start, List<String> ops, String expected, String outcomes) {
        return Arguments.of(name, start, ops, expected, outcomes);
    }

    private static List<String> ops(String... ops) {
        return List.of(ops);
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    }
}
